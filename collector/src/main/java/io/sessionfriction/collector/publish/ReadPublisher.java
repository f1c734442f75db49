package io.sessionfriction.collector.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.collector.CollectorEvents;
import io.sessionfriction.collector.checkpoint.Checkpoint;
import io.sessionfriction.collector.publish.Records.Origin;
import io.sessionfriction.collector.tail.EventFields;
import io.sessionfriction.collector.tail.TailItem;
import io.sessionfriction.collector.tail.TailRead;
import io.sessionfriction.redaction.Redactor;

/**
 * Turns one read of a file into records of the open transaction: events (filtered by event time,
 * shortened when too large), DLQ records for what is not an event, then the file's checkpoint.
 *
 * <p>An event goes out as written, unless it has to be shortened: then it is redacted first, so a cut
 * never leaves half a secret. A DLQ record's raw text and reason are redacted before the text is cut to
 * its first {@value Records#RAW_CHARS} chars (docs/security.md).
 */
public final class ReadPublisher {


    private final CollectorConfig config;
    private final Redactor redactor;
    private final CollectorEvents events;
    private final Transactions transactions;

    public ReadPublisher(CollectorConfig config, Redactor redactor, CollectorEvents events, Transactions transactions) {
        this.config = config;
        this.redactor = redactor;
        this.events = events;
        this.transactions = transactions;
    }

    public void publish(Checkpoint position, TailRead read) {
        Counts counts = transactions.counts();
        String file = position.file();
        read.reset().ifPresent(reason -> {
            events.fileReread(file, reason);
            counts.rereads++;
        });
        for (TailItem item : read.items()) {
            Origin origin = new Origin(position.sessionKey(), position.user(), file, item.line(), item.offset());
            if (item instanceof TailItem.Event event) {
                publishEvent(origin, event.json());
            } else if (item instanceof TailItem.Rejected rejected) {
                reject(origin, rejected);
            }
        }
        if (read.bytesRead() > 0 || read.reset().isPresent()) {
            transactions.checkpoint(Records.checkpoint(config.offsetsTopic(), position), position);
        }
        counts.bytes += read.bytesRead();
        counts.lines += read.lines();
    }

    private void publishEvent(Origin origin, byte[] json) {
        Counts counts = transactions.counts();
        if (outsideTimeRange(json)) {
            events.eventFiltered(origin.file(), origin.line());
            counts.filtered++;
            return;
        }
        byte[] value = json;
        if (json.length > config.maxEventBytes()) {
            EventShortener.Shortened shortened = EventShortener.shorten(json, config.maxEventBytes(), redactor);
            counts.redacted(shortened.redactions());
            value = shortened.event();
            if (value.length > config.maxEventBytes()) {
                reject(origin, new TailItem.Rejected(origin.line(), origin.offset(),
                        "event of " + json.length + " bytes does not fit a record even shortened", json, false));
                return;
            }
            events.eventTruncated(origin.file(), origin.line(), json.length, value.length);
            counts.truncated++;
        }
        transactions.send(Records.event(config.eventsTopic(), origin, value));
        counts.events++;
    }

    private void reject(Origin origin, TailItem.Rejected rejected) {
        Counts counts = transactions.counts();
        // A parser's message quotes the offending text, which can be the secret itself.
        Redactor.Redacted reason = redactor.redactRaw(rejected.error());
        Redactor.Redacted raw = redactor.redactRaw(new String(rejected.raw(), StandardCharsets.UTF_8));
        counts.redacted(reason.findings());
        counts.redacted(raw.findings());
        String error = reason.text();
        if (rejected.notATranscript()) {
            events.fileNotATranscript(origin.file(), error);
            counts.notTranscripts++;
            error = "not a session transcript: " + error;
        } else {
            events.lineRejected(origin.file(), origin.line(), origin.offset(), error);
        }
        transactions.send(Records.dlq(config.dlqTopic(), origin, error, raw.text(), rejected.raw().length));
        counts.deadLetters++;
    }

    /** Lines without a readable own timestamp always pass: the window is about event time, never file time. */
    private boolean outsideTimeRange(byte[] json) {
        if (config.since().isEmpty() && config.until().isEmpty()) {
            return false;
        }
        return EventFields.text(json, "timestamp").flatMap(ReadPublisher::instant)
                .map(time -> !config.inTimeRange(time))
                .orElse(false);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
