package io.sessionfriction.processor.topology;

import org.apache.kafka.streams.kstream.KStream;

import io.sessionfriction.processor.event.EnrichedEvent;

/**
 * The stateful alert stage, plugged onto the enriched stream by whoever owns the alert rules, so the
 * topology does not depend on their classes. It names its own processors, stores and sinks.
 */
@FunctionalInterface
public interface AlertStage {

    /** No alerts: the topology's other outputs only. */
    AlertStage NONE = enriched -> { };

    void attach(KStream<String, EnrichedEvent> enriched);
}
