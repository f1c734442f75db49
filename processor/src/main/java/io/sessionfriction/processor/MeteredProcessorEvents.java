package io.sessionfriction.processor;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/** {@link ProcessorEvents} as log lines and Micrometer counters. */
public final class MeteredProcessorEvents implements ProcessorEvents {

    public static final String DEAD_LETTERS = "processor.dead.letters";
    public static final String DUPLICATES = "processor.duplicates";
    public static final String LATE_EVENTS = "processor.late.events";
    public static final String ALERTS = "processor.alerts";
    public static final String REDACTIONS = "processor.redactions";

    private static final Logger LOG = LoggerFactory.getLogger(MeteredProcessorEvents.class);

    private final MeterRegistry registry;

    public MeteredProcessorEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void deadLettered(String sessionKey, String reason) {
        LOG.warn("Line of session {} sent to the DLQ: {}", sessionKey, reason);
        registry.counter(DEAD_LETTERS, "reason", reasonTag(reason)).increment();
    }

    @Override
    public void redacted(String sessionKey, String kind, int count) {
        LOG.debug("{} {} redacted in a line of session {}", count, kind, sessionKey);
        registry.counter(REDACTIONS, "kind", kind).increment(count);
    }

    @Override
    public void duplicateDropped(String sessionKey) {
        LOG.debug("Repeated line of session {} dropped", sessionKey);
        registry.counter(DUPLICATES).increment();
    }

    @Override
    public void lateEvent(String sessionKey, Instant eventTime, Duration behindStreamTime) {
        LOG.warn("Event of session {} at {} is {} behind stream time, beyond the allowed lateness: sent to the late topic",
                sessionKey, eventTime, behindStreamTime);
        registry.counter(LATE_EVENTS).increment();
    }

    @Override
    public void alertPublished(String sessionKey, String rule, String severity, boolean suppressed) {
        LOG.debug("Alert {} ({}) for session {}{}", rule, severity, sessionKey, suppressed ? ", suppressed by a fix" : "");
        registry.counter(ALERTS, "rule", rule, "severity", severity, "topic", suppressed ? "suppressed" : "live").increment();
    }

    // Reasons carry the offending value after a colon; the tag keeps only the stable part so it stays low-cardinality.
    private static String reasonTag(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
