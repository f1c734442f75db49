package io.sessionfriction.notify;

import java.time.Duration;

/**
 * Everything observable the alert sink does, declared once: {@link MeteredNotifyEvents} logs and counts
 * each, tests record them, and docs/operations.md lists the same meters.
 */
public interface NotifyEvents {

    /** Alerts accepted by an Alertmanager. Counter {@code session.friction.notify.alerts}, {@code outcome=sent}. */
    void sent(int alerts, Duration took);

    /** An alert that is not sent by the rule ({@link Outcome#NOT_RECENT}, {@link Outcome#SUPPRESSED}). Same counter. */
    void skipped(String alertId, String rule, Outcome why);

    /** A record that is not a readable alert. Same counter, {@code outcome=unreadable}. */
    void unreadable(int partition, long offset, String error);

    /** An alert every Alertmanager refused as invalid; not retried. Same counter, {@code outcome=rejected}. */
    void rejected(String alertId, String reason);

    /** A post failed and will be retried. Counter {@code session.friction.notify.post.failures}. */
    void postFailed(int alerts, int attempt, String reason, Duration retryIn);

    /** Alerts read and not yet delivered (the batch being posted or retried). Gauge {@code session.friction.notify.pending.alerts}. */
    void pending(int alerts);

    /** A commit after a delivery failed (the partition moved to another instance): its alerts are posted again there. */
    void commitFailed(String reason);

    /** The sink closed: its gauge goes, so a later sink in the same process reports its own. */
    default void closed() {
    }
}
