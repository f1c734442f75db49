package io.sessionfriction.processor;

import java.time.Instant;

import io.sessionfriction.processor.rules.Severity;

/**
 * Every observable event of the topology, in one place: the Micrometer + SLF4J implementation logs and
 * counts each, and the README's metrics table lists the same names.
 */
public interface ProcessorEvents {

    /**
     * A line went to {@code session-events-dlq}. Metric {@code session.friction.processor.dead.letters}, tag
     * {@code reason} (the kind of error: malformed_json, not_an_object, missing_timestamp, ...).
     */
    void deadLettered(String sessionKey, String reason);

    /**
     * Secrets of one kind were replaced by placeholders in a line, before anything else saw it. Metric
     * {@code session.friction.processor.redactions}, tag {@code kind} (a redaction rule's kind); never the value.
     */
    void redacted(String sessionKey, String kind, int count);

    /** A repeated line (same uuid or content in the session) was dropped. Metric {@code session.friction.processor.duplicates}. */
    void duplicateDropped(String sessionKey);

    /**
     * An event that cannot be placed (older than the allowed lateness, or stamped implausibly far ahead)
     * went to {@code session-events-late}. Metric {@code session.friction.processor.late.events}, tag {@code reason}.
     */
    void lateEvent(String sessionKey, Instant eventTime, String reason);

    /**
     * An alert record was published. Metric {@code session.friction.processor.alerts}, tags {@code rule},
     * {@code severity} and {@code suppressed} ({@code false}: on {@code friction-alerts}; {@code true}: on
     * {@code friction-alerts-suppressed}).
     */
    void alertPublished(String sessionKey, String rule, Severity severity, boolean suppressed);
}
