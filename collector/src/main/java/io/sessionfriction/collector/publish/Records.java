package io.sessionfriction.collector.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.collector.checkpoint.Checkpoint;
import io.sessionfriction.collector.checkpoint.CheckpointCodec;
import io.sessionfriction.limits.RecordLimits;

/**
 * The wire contract of the collector's three topics, in one place.
 *
 * <ul>
 *   <li>events: key = session key, value = the event JSON, headers {@code user}, {@code file}
 *       (relative to the sessions root), {@code offset} (byte offset of the line), {@code line} (1-based);</li>
 *   <li>DLQ: key = session key, value = {@code {"source":"collector","user","file","line","offset","error","raw","rawBytes"}};</li>
 *   <li>offsets: key = file, value = the checkpoint JSON.</li>
 * </ul>
 */
public final class Records {

    /** The DLQ carries the start of a bad line, enough to see what it was, never megabytes. */
    public static final int RAW_CHARS = RecordLimits.DLQ_RAW_CHARS;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Records() {
    }

    /** Where a record comes from: the headers of an event and the context of a DLQ record. */
    public record Origin(String sessionKey, String user, String file, long line, long offset) {
    }

    public static ProducerRecord<byte[], byte[]> event(String topic, Origin origin, byte[] json) {
        // From an array: adding one by one grows a list, for every event.
        RecordHeaders headers = new RecordHeaders(new Header[] {
            new RecordHeader("user", utf8(origin.user())),
            new RecordHeader("file", utf8(origin.file())),
            new RecordHeader("offset", utf8(Long.toString(origin.offset()))),
            new RecordHeader("line", utf8(Long.toString(origin.line())))});
        return new ProducerRecord<>(topic, null, utf8(origin.sessionKey()), json, headers);
    }

    /**
     * @param raw      the line's text, already redacted: cutting it must not leave half a secret
     * @param rawBytes the line's length in the file
     */
    public static ProducerRecord<byte[], byte[]> dlq(String topic, Origin origin, String error, String raw, int rawBytes) {
        String text = raw;
        if (text.length() > RAW_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(RAW_CHARS - 1)) ? RAW_CHARS - 1 : RAW_CHARS;
            text = text.substring(0, end);
        }
        ObjectNode value = JSON.createObjectNode()
                .put("source", "collector")
                .put("user", origin.user())
                .put("file", origin.file())
                .put("line", origin.line())
                .put("offset", origin.offset())
                .put("error", error)
                .put("raw", text)
                .put("rawBytes", rawBytes);
        try {
            return new ProducerRecord<>(topic, utf8(origin.sessionKey()), JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ProducerRecord<byte[], byte[]> checkpoint(String topic, Checkpoint checkpoint) {
        return new ProducerRecord<>(topic, utf8(checkpoint.file()), CheckpointCodec.encode(checkpoint));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
