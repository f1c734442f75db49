package io.sessionfriction.processor.event;

import java.time.Instant;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import io.sessionfriction.processor.ProcessorEvents;

/**
 * Turns each record of {@code session-events} into a {@link SessionEvent} or a {@link DeadLetter}:
 * unparsable JSON, a missing key and an unusable timestamp are all data for the DLQ, never an exception.
 */
public final class LineParser implements FixedKeyProcessor<String, TranscriptLine, ParsedLine> {

    private final ProcessorEvents events;
    private FixedKeyProcessorContext<String, ParsedLine> context;

    public LineParser(ProcessorEvents events) {
        this.events = events;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ParsedLine> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, TranscriptLine> record) {
        ParsedLine parsed = parse(record.key(), record.value(), record.headers());
        if (parsed instanceof DeadLetter dead) {
            events.deadLettered(record.key(), dead.error());
            // A dead letter has no event time; stamped with the wall clock, so topic retention keeps it
            // for its full period instead of treating a 0 (no partition time yet) as 1970.
            context.forward(record.withValue(parsed).withTimestamp(context.currentSystemTimeMs()));
            return;
        }
        context.forward(record.withValue(parsed));
    }

    static ParsedLine parse(String sessionKey, TranscriptLine line, Headers headers) {
        String user = SessionHeaders.text(headers, SessionHeaders.USER);
        if (line == null) {
            return deadLetter(sessionKey, user, headers, "empty value", null);
        }
        if (!line.isParsed()) {
            return deadLetter(sessionKey, user, headers, line.parseError(), line.raw());
        }
        if (sessionKey == null || sessionKey.isBlank()) {
            return deadLetter(sessionKey, user, headers, "record has no session key", line.raw());
        }
        EventKind kind = EventClassifier.classify(line.json());
        EventTime time = EventTime.of(line.json(), kind);
        if (time instanceof EventTime.Unusable unusable) {
            return deadLetter(sessionKey, user, headers, unusable.reason(), line.raw());
        }
        Instant timestamp = time instanceof EventTime.At at ? at.instant() : null;
        return new SessionEvent(sessionKey, user, kind, timestamp, line.json());
    }

    private static DeadLetter deadLetter(String sessionKey, String user, Headers headers, String error, String raw) {
        return new DeadLetter(DeadLetter.SOURCE, sessionKey, user,
                SessionHeaders.text(headers, SessionHeaders.FILE),
                SessionHeaders.number(headers, SessionHeaders.OFFSET),
                SessionHeaders.number(headers, SessionHeaders.LINE),
                error, raw);
    }
}
