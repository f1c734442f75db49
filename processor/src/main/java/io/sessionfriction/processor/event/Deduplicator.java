package io.sessionfriction.processor.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

import io.sessionfriction.processor.ProcessorEvents;
import io.sessionfriction.redaction.Placeholders;

/**
 * Drops a line already seen in its session. A line with a {@code uuid} is a repeat when the uuid was seen:
 * a resumed file re-writes earlier lines, and the collector re-sends a rewritten file. A line without one
 * (queue-operation, pr-link, summary, snapshot) is a repeat only when it is the same occurrence: the same
 * text (redacted) at the same line of the same file (the collector's {@code file} and {@code line} headers), since
 * identical lines can be separate events (three queue-operation removes in one millisecond each consume a
 * queued message). A record without those headers falls back to its text alone. Ids are kept for the
 * retention (at least the allowed lateness, so a late repeat is still recognised): live in a window store,
 * where they expire with their segment; for a single run in a key-value store answering the same
 * ({@link SeenIds}), whichever of the two the topology registered under the store's name.
 */
public final class Deduplicator implements FixedKeyProcessor<String, SessionEvent, SessionEvent> {

    private final String storeName;
    private final Duration retention;
    private final ProcessorEvents events;
    private FixedKeyProcessorContext<String, SessionEvent> context;
    private SeenIds seen;

    public Deduplicator(String storeName, Duration retention, ProcessorEvents events) {
        this.storeName = storeName;
        this.retention = retention;
        this.events = events;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, SessionEvent> context) {
        this.context = context;
        this.seen = seenIds(context.getStateStore(storeName), retention.toMillis());
    }

    @SuppressWarnings("unchecked")
    private static SeenIds seenIds(StateStore store, long retention) {
        return store instanceof WindowStore<?, ?> window
                ? new SeenIds.Windowed((WindowStore<String, Long>) window, retention)
                : new SeenIds.Keyed((KeyValueStore<String, SeenTimes>) store, retention);
    }

    @Override
    public void process(FixedKeyRecord<String, SessionEvent> record) {
        SessionEvent event = record.value();
        String id = record.key() + '|' + identity(event, record.headers());
        long time = record.timestamp();
        if (!seen.rememberIfNew(id, time)) {
            events.duplicateDropped(record.key());
            return;
        }
        context.forward(record);
    }

    static String identity(SessionEvent event, Headers headers) {
        String uuid = event.uuid();
        if (uuid != null) {
            return "uuid:" + uuid;
        }
        // A line parsed from the topic writes itself as the text it was read from, redacted; without
        // placeholder hashes, a line re-sent after the redaction key was rotated is still a repeat.
        String text = sha256(Placeholders.withoutHashes(event.line().toString()));
        String file = SessionHeaders.text(headers, SessionHeaders.FILE);
        Long line = SessionHeaders.number(headers, SessionHeaders.LINE);
        return file == null || line == null ? "sha256:" + text : "at:" + file + ':' + line + ':' + text;
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
