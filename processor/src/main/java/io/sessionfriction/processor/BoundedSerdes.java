package io.sessionfriction.processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import io.sessionfriction.limits.JsonShortener;
import io.sessionfriction.limits.RecordLimits;

/**
 * Serdes whose serializers never write a key or a value larger than a processor record may be
 * ({@link RecordLimits}): every sink and every store (so every changelog) writes through them. Under
 * exactly-once a send the producer or the broker refuses aborts the transaction whatever a production
 * exception handler answers, and the task reprocesses the same input, forever: so an oversized record is
 * made to fit here, by construction, not handled after the fact.
 *
 * <ul>
 *   <li>A value over {@link RecordLimits#MAX_OUTPUT_VALUE_BYTES} (an enriched event carrying a tool result of
 *       megabytes, an alert quoting a huge command) is shortened by {@link JsonShortener}: its longest
 *       strings keep their start and end with {@code …[truncated by processor: N bytes]}.</li>
 *   <li>A key over {@link RecordLimits#MAX_KEY_BYTES} (keys hold uuids and tool ids taken from lines) keeps
 *       its head and ends with {@code …#} and the SHA-256 of the whole key, so distinct keys stay distinct,
 *       a store finds the entry again, and a prefix of the head (a session) still finds it.</li>
 * </ul>
 */
public final class BoundedSerdes {

    private static final JsonShortener SHORTENER = new JsonShortener("processor");
    private static final int HASH_SUFFIX_BYTES = "…#".getBytes(StandardCharsets.UTF_8).length + 64;

    private BoundedSerdes() {
    }

    public static <K> Serde<K> keys(Serde<K> keys) {
        Serializer<K> inner = keys.serializer();
        return Serdes.serdeFrom((topic, key) -> boundedKey(inner.serialize(topic, key)), keys.deserializer());
    }

    /** Values that are JSON, as every value the processor writes is (or a number, which is never long). */
    public static <V> Serde<V> values(Serde<V> values) {
        Serializer<V> inner = values.serializer();
        return Serdes.serdeFrom((topic, value) -> boundedValue(inner.serialize(topic, value)), values.deserializer());
    }

    static byte[] boundedValue(byte[] value) {
        return value == null ? null : SHORTENER.shorten(value, RecordLimits.MAX_OUTPUT_VALUE_BYTES);
    }

    static byte[] boundedKey(byte[] key) {
        if (key == null || key.length <= RecordLimits.MAX_KEY_BYTES) {
            return key;
        }
        int head = RecordLimits.MAX_KEY_BYTES - HASH_SUFFIX_BYTES;
        while (head > 0 && (key[head] & 0xC0) == 0x80) {
            head--;                                          // never split a UTF-8 character
        }
        byte[] suffix = ("…#" + sha256(key)).getBytes(StandardCharsets.UTF_8);
        byte[] bounded = Arrays.copyOf(key, head + suffix.length);
        System.arraycopy(suffix, 0, bounded, head, suffix.length);
        return bounded;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
