package io.sessionfriction.processor.activity;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import io.sessionfriction.processor.ProcessorEvents;
import io.sessionfriction.processor.event.SessionEvent;

/**
 * Marks events older than (partition stream time - allowed lateness) as late. Stream time is shared by
 * every session on the partition, so it is used only for this coarse bound (days); placing an event in
 * its block uses the session's own events, never stream time, so a late batch within the bound still
 * lands in the right block.
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
        boolean late = event.isTimed() && event.timestamp().isBefore(streamTime.minus(allowedLateness));
        if (late) {
            events.lateEvent(event.sessionKey(), event.timestamp(), Duration.between(event.timestamp(), streamTime));
        }
        context.forward(record.withValue(new Timeliness(event, streamTime, late)));
    }
}
