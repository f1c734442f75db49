package io.sessionfriction.launcher.runtime.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorStats;

/**
 * The probes of a started collector (started means it reached the broker: its producer initialised its
 * transactions). Ready: its loop runs, it is not stuck, and the broker answers now. Live: it has not
 * failed for good (fenced, not authorized) and is not stuck.
 *
 * <p>Stuck means no pass finished for {@code stuckAfter}: the collector publishes a new {@link CollectorStats}
 * value after every pass, idle or not, so an unchanged reference for that long is a loop that hangs.
 */
public final class CollectorHealth implements Health.Checks {

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration BROKER_CACHE = Duration.ofSeconds(5);

    private final Collector collector;
    private final Admin admin;
    private final Duration stuckAfter;
    private final Clock clock;
    private CollectorStats lastStats;
    private Instant lastPass;
    private Health broker = Health.down("broker not probed yet");
    private Instant brokerProbed = Instant.MIN;

    /**
     * @param collector  started, so connected: its producer initialised its transactions
     * @param admin      a client of the same cluster, to probe that the broker answers
     */
    public CollectorHealth(Collector collector, Admin admin, Duration stuckAfter, Clock clock) {
        this.collector = collector;
        this.admin = admin;
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
        return broker();
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

    private Health broker() {
        Instant now = clock.instant();
        if (Duration.between(brokerProbed, now).compareTo(BROKER_CACHE) < 0) {
            return broker;
        }
        try {
            admin.describeCluster().clusterId().get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            broker = Health.up();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker = Health.down("interrupted while probing the broker");
        } catch (Exception e) {
            broker = Health.down("broker unreachable: " + e);
        }
        brokerProbed = clock.instant();
        return broker;
    }
}
