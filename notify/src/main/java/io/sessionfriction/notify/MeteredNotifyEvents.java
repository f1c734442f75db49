package io.sessionfriction.notify;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@link NotifyEvents} as log lines and Micrometer meters; every meter exists, at 0, from the start. */
public final class MeteredNotifyEvents implements NotifyEvents {

    public static final String ALERTS = "session.friction.notify.alerts";
    public static final String POST_FAILURES = "session.friction.notify.post.failures";
    public static final String POST_LATENCY = "session.friction.notify.post.latency";
    public static final String PENDING = "session.friction.notify.pending.alerts";

    private static final Logger log = LoggerFactory.getLogger(AlertSink.class);
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final Map<Outcome, Counter> alerts = new EnumMap<>(Outcome.class);
    private final Counter postFailures;
    private final Timer latency;
    private final AtomicInteger pending = new AtomicInteger();
    private final MeterRegistry registry;
    private final Gauge pendingGauge;

    public MeteredNotifyEvents(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            alerts.put(outcome, Counter.builder(ALERTS).tag("outcome", outcome.label())
                    .description("records of friction-alerts by what became of them").register(registry));
        }
        postFailures = Counter.builder(POST_FAILURES).description("posts to Alertmanager that failed and are retried")
                .register(registry);
        latency = Timer.builder(POST_LATENCY).description("one successful post to Alertmanager")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        this.registry = registry;
        pendingGauge = Gauge.builder(PENDING, pending, AtomicInteger::get).description("alerts read and not yet delivered")
                .register(registry);
    }

    @Override
    public void sent(int count, Duration took) {
        alerts.get(Outcome.SENT).increment(count);
        latency.record(took);
        log.debug("{} alerts posted to Alertmanager in {} ms", count, took.toMillis());
    }

    @Override
    public void skipped(String alertId, String rule, Outcome why) {
        alerts.get(why).increment();
        log.debug("Alert {} ({}) not sent: {}", alertId, rule, why.label());
    }

    @Override
    public void unreadable(int partition, long offset, String error) {
        alerts.get(Outcome.UNREADABLE).increment();
        log.warn("Record at friction-alerts partition {} offset {} is not a readable alert, skipped: {}", partition, offset, error);
    }

    @Override
    public void rejected(String alertId, String reason) {
        alerts.get(Outcome.REJECTED).increment();
        log.error("Alertmanager refused alert {} as invalid, not retried (it stays on friction-alerts): {}", alertId, reason);
    }

    @Override
    public void postFailed(int count, int attempt, String reason, Duration retryIn) {
        postFailures.increment();
        log.warn("Posting {} alerts to Alertmanager failed (attempt {}): {}; retrying in {} s. Nothing is committed until "
                + "a post succeeds; the topology is not affected.", count, attempt, reason, retryIn.toMillis() / 1000.0);
    }

    @Override
    public void pending(int count) {
        pending.set(count);
    }

    @Override
    public void closed() {
        registry.remove(pendingGauge);
    }

    @Override
    public void commitFailed(String reason) {
        log.warn("Committing delivered alerts failed ({}); their partitions' next owner posts them again, and "
                + "Alertmanager merges the repeats", reason);
    }
}
