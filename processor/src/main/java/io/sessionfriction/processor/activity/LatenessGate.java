package io.sessionfriction.processor.activity;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import io.sessionfriction.processor.ProcessorEvents;
import io.sessionfriction.processor.event.EventTimestampExtractor;
import io.sessionfriction.processor.event.SessionEvent;

/**
 * Marks as late the events that cannot be placed: older than (partition stream time - allowed lateness),
 * or stamped implausibly far after the processor's clock (see {@link EventTimestampExtractor}). Stream
 * time is shared by every session on the partition, so it is used only for this coarse bound (days);
 * placing an event in its block uses the session's own events, never stream time, so a late batch within
 * the bound still lands in the right block.
 *
 * <p>A late event leaves stamped with the processor's clock: its own time is days old by definition, and
 * the late topic's time-based retention would delete it before anyone read it.
 */
public final class LatenessGate implements FixedKeyProcessor<String, SessionEvent, Timeliness> {

    private final Duration allowedLateness;
    private final ProcessorEvents events;
    private FixedKeyProcessorContext<String, Timeliness> context;

    public LatenessGate(Duration allowedLateness, ProcessorEvents events) {
        this.allowedLateness = allowedLateness;
        this.events = events;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Timeliness> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, SessionEvent> record) {
        SessionEvent event = record.value();
        Instant streamTime = Instant.ofEpochMilli(context.currentStreamTimeMs());
        String reason = event.isTimed() ? whyLate(event.timestamp(), record.timestamp(), streamTime) : null;
        if (reason == null) {
            context.forward(record.withValue(new Timeliness(event, streamTime, null)));
            return;
        }
        events.lateEvent(event.sessionKey(), event.timestamp(), reason);
        context.forward(record.withValue(new Timeliness(event, streamTime, reason)).withTimestamp(context.currentSystemTimeMs()));
    }

    private String whyLate(Instant eventTime, long recordTimestamp, Instant streamTime) {
        if (EventTimestampExtractor.implausiblyAhead(eventTime, recordTimestamp)) {
            return Timeliness.AHEAD_OF_CLOCK + " (more than " + EventTimestampExtractor.MAX_AHEAD.toHours() + " h)";
        }
        if (eventTime.isBefore(streamTime.minus(allowedLateness))) {
            return Timeliness.BEHIND_STREAM_TIME + " (" + Duration.between(eventTime, streamTime)
                    + " behind, more than the allowed lateness of " + allowedLateness + ")";
        }
        return null;
    }
}
