package io.sessionfriction.processor;

import java.time.Duration;
import java.time.Instant;

/**
 * Every observable event of the topology, in one place: the Micrometer + SLF4J implementation logs and
 * counts each, and the README's metrics table lists the same names.
 */
public interface ProcessorEvents {

    /** A line went to {@code session-events-dlq}. Metric {@code processor.dead.letters}, tag {@code reason}. */
    void deadLettered(String sessionKey, String reason);

    /**
     * Secrets of one kind were replaced by placeholders in a line, before anything else saw it. Metric
     * {@code processor.redactions}, tag {@code kind}; never the value.
     */
    void redacted(String sessionKey, String kind, int count);

    /** A repeated line (same uuid or content in the session) was dropped. Metric {@code processor.duplicates}. */
    void duplicateDropped(String sessionKey);

    /** An event older than the allowed lateness went to {@code session-events-late}. Metric {@code processor.late.events}. */
    void lateEvent(String sessionKey, Instant eventTime, Duration behindStreamTime);

    /**
     * An alert record was published. Metric {@code processor.alerts}, tags {@code rule}, {@code severity} and
     * {@code topic} ({@code live} or {@code suppressed}).
     */
    void alertPublished(String sessionKey, String rule, String severity, boolean suppressed);
}
