package io.sessionfriction.processor.event;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.sessionfriction.processor.BoundedSerdes;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorEvents;

/**
 * The net under the topology: a line on which a stage throws (a bug, since bad input is data and every
 * stage handles it) becomes a DLQ record with the stage and the exception, in the same transaction, and
 * the partition goes on. Without it Kafka Streams stops the stream thread, and every session of the
 * partition with it, on the same line after every restart. A punctuation that throws has no line: its
 * record says so, and the punctuation runs again at the next interval.
 */
public final class DeadLetterOnFailure implements ProcessingExceptionHandler {

    /** Streams setting naming the DLQ topic (the processor's, with its prefix). */
    public static final String DLQ_TOPIC_CONFIG = "session.friction.dlq.topic";
    /** Optional Streams setting: the {@link ProcessorEvents} to report to (the topology's own, in tests). */
    public static final String EVENTS_CONFIG = "session.friction.processor.events";

    private static final Serde<String> KEYS = BoundedSerdes.keys(Serdes.String());
    private static final Serde<DeadLetter> VALUES = BoundedSerdes.values(Json.serde(DeadLetter.class));

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOnFailure.class);

    private ProcessorEvents events;
    private String dlqTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(DLQ_TOPIC_CONFIG);
        if (topic == null) {
            throw new IllegalArgumentException(DLQ_TOPIC_CONFIG + " is required");
        }
        dlqTopic = topic.toString();
        // Counted in Micrometer's global registry unless told otherwise, as the topology's events are.
        events = configs.get(EVENTS_CONFIG) instanceof ProcessorEvents given ? given : new MeteredProcessorEvents(Metrics.globalRegistry);
    }

    private static String described(Object value) {
        if (value instanceof EnrichedEvent enriched && enriched.event() != null) {
            return enriched.event().toString();
        }
        return value == null ? null : String.valueOf(value);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        // Kafka Streams keeps the source record's bytes only with its own DLQ configured; the failing
        // node's record has the same key, and its value is what that node was given.
        String sessionKey = context.sourceRawKey() != null ? new String(context.sourceRawKey(), StandardCharsets.UTF_8)
                : record != null && record.key() instanceof String key ? key : null;
        String error = "processing failed in " + context.processorNodeId() + ": " + exception;
        DeadLetter letter = new DeadLetter(DeadLetter.SOURCE, sessionKey,
                SessionHeaders.text(context.headers(), SessionHeaders.USER),
                SessionHeaders.text(context.headers(), SessionHeaders.FILE),
                SessionHeaders.number(context.headers(), SessionHeaders.OFFSET),
                SessionHeaders.number(context.headers(), SessionHeaders.LINE),
                error,
                context.sourceRawValue() != null ? new String(context.sourceRawValue(), StandardCharsets.UTF_8) : described(record == null ? null : record.value()));
        // A stage that throws is a bug: its stack trace is for whoever fixes it.
        log.error("Stage {} failed on a line of session {}; the line went to the DLQ", context.processorNodeId(), sessionKey, exception);
        events.deadLettered(sessionKey, error);
        return Response.resume(List.of(new ProducerRecord<>(dlqTopic, null,
                KEYS.serializer().serialize(dlqTopic, sessionKey), VALUES.serializer().serialize(dlqTopic, letter))));
    }
}
