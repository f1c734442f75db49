package io.sessionfriction.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.sessionfriction.processor.alert.FrictionAlert;

/**
 * Which alerts page someone: only those about recent activity. A friction alert is worth a notification
 * while the analyst can still be helped; the same topic also carries alerts about old lines (a collector
 * started on last month's folder, a late batch, the sink catching up after a long outage), and those
 * must never page anyone.
 *
 * <p>The rule: an alert is sent when the event time of the line that raised it ({@code timestamp}) is
 * within {@code maxAge} of the sink's clock, on either side (a laptop clock a few minutes ahead still
 * pages; one a day ahead does not), and it is not suppressed by a fix. The decision is taken once, when
 * the record is first read, so an alert being retried is never dropped for having aged while
 * Alertmanager was down. Replays never reach this rule: they write to topics of their own.
 */
public final class Recency {

    private final Duration maxAge;

    public Recency(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** Empty when the alert is to be sent; otherwise why not. */
    public Optional<Outcome> skipReason(FrictionAlert alert, Instant now) {
        if (alert.suppressedBy() != null) {
            return Optional.of(Outcome.SUPPRESSED);
        }
        Duration age = Duration.between(alert.timestamp(), now).abs();
        return age.compareTo(maxAge) > 0 ? Optional.of(Outcome.NOT_RECENT) : Optional.empty();
    }
}
