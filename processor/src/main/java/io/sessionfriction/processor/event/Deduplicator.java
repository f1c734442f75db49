package io.sessionfriction.processor.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import io.sessionfriction.processor.ProcessorEvents;
import io.sessionfriction.redaction.Placeholders;

/**
 * Drops a line already seen in its session: by {@code uuid}, or for lines without one (queue-operation,
 * pr-link, summary, snapshot) by a hash of their text (a line writes itself as the text it was read
 * from, redacted). The collector re-sends a rewritten file, so
 * repeats are normal. A window store bounds the memory: ids are kept for the retention (at least the
 * allowed lateness, so a late repeat is still recognised), then expire with their segment.
 */
public final class Deduplicator implements FixedKeyProcessor<String, SessionEvent, SessionEvent> {

    private final String storeName;
    private final Duration retention;
    private final ProcessorEvents events;
    private FixedKeyProcessorContext<String, SessionEvent> context;
    private WindowStore<String, Long> seen;

    public Deduplicator(String storeName, Duration retention, ProcessorEvents events) {
        this.storeName = storeName;
        this.retention = retention;
        this.events = events;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, SessionEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, SessionEvent> record) {
        SessionEvent event = record.value();
        String id = record.key() + '|' + identity(event);
        long time = record.timestamp();
        if (seenBefore(id, time)) {
            events.duplicateDropped(record.key());
            return;
        }
        seen.put(id, time, time);
        context.forward(record);
    }

    private boolean seenBefore(String id, long time) {
        long span = retention.toMillis();
        try (WindowStoreIterator<Long> hits = seen.fetch(id, Math.max(0, time - span), time + span)) {
            return hits.hasNext();
        }
    }

    static String identity(SessionEvent event) {
        String uuid = event.uuid();
        // Without placeholder hashes: a line re-sent after the redaction key was rotated is still a repeat.
        return uuid != null ? "uuid:" + uuid : "sha256:" + sha256(Placeholders.withoutHashes(event.line().toString()));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
