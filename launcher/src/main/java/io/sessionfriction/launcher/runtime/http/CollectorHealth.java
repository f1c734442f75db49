package io.sessionfriction.launcher.runtime.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorStats;

/**
 * The probes of a started collector (started means it reached the broker: its producer initialised its
 * transactions). Ready: its loop runs, it is not stuck, and the broker answers now (BrokerWatch). Live: it
 * has not failed for good (fenced, not authorized) and is not stuck.
 *
 * <p>Stuck means no pass finished for {@code stuckAfter}: the collector publishes a new {@link CollectorStats}
 * value after every pass, idle or not, so an unchanged reference for that long is a loop that hangs.
 */
public final class CollectorHealth implements Health.Checks {

    private final Collector collector;
    private final Supplier<Optional<String>> unreachable;
    private final Duration stuckAfter;
    private final Clock clock;
    private CollectorStats lastStats;
    private Instant lastPass;

    /**
     * @param collector  started, so connected: its producer initialised its transactions
     * @param unreachable why the cluster does not answer now (BrokerWatch), empty while it does
     */
    public CollectorHealth(Collector collector, Supplier<Optional<String>> unreachable, Duration stuckAfter, Clock clock) {
        this.collector = collector;
        this.unreachable = unreachable;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    @Override
    public synchronized Health live() {
        Optional<RuntimeException> failure = collector.failure();
        if (failure.isPresent()) {
            return Health.down("collector failed: " + failure.get().getMessage());
        }
        return stuck().orElse(Health.up());
    }

    @Override
    public synchronized Health ready() {
        Health live = live();
        if (!live.isUp()) {
            return live;
        }
        if (!collector.isRunning()) {
            return Health.down("collector loop not running");
        }
        return unreachable.get().map(Health::down).orElse(Health.up());
    }

    private Optional<Health> stuck() {
        Instant now = clock.instant();
        CollectorStats stats = collector.stats();
        if (stats != lastStats || lastPass == null) {
            lastStats = stats;
            lastPass = now;
            return Optional.empty();
        }
        Duration since = Duration.between(lastPass, now);
        return since.compareTo(stuckAfter) > 0
                ? Optional.of(Health.down("collector stuck: no pass finished for " + since.toSeconds() + " s"))
                : Optional.empty();
    }
}
