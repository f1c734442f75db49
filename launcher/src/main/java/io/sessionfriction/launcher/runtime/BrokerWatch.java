package io.sessionfriction.launcher.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the cluster answers, probed in the background (a metadata request every {@link #EVERY}), for a
 * long-running process: Kafka's clients retry quietly through an outage, and a processor's Kafka Streams
 * stays RUNNING, so without this nobody would see one. It logs once when the cluster stops answering and
 * once when it answers again, with how long it was gone, and tells the readiness probe in between.
 */
public final class BrokerWatch implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(BrokerWatch.class);

    private final Admin admin;
    private final String address;
    private final String role;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile String reason;
    private volatile Instant since;

    private BrokerWatch(Admin admin, String address, String role, Clock clock) {
        this.admin = admin;
        this.address = address;
        this.role = role;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "broker-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @param role who waits for the cluster, in the log lines: {@code collector}, {@code processor} */
    public static BrokerWatch start(KafkaTarget target, String role) {
        BrokerWatch watch = new BrokerWatch(Admin.create(target.adminProperties()), target.bootstrapServers(), role, Clock.systemUTC());
        watch.scheduler.scheduleWithFixedDelay(watch::probe, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Why the cluster counts as unreachable now, with since when; empty while it answers. */
    public Optional<String> unreachable() {
        String now = reason;
        return now == null ? Optional.empty() : Optional.of("broker unreachable at " + address + " for "
                + Duration.between(since, clock.instant()).toSeconds() + " s: " + now);
    }

    void probe() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis())).nodes()
                    .get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            answered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            failed(String.valueOf(e.getCause()));
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            failed(e.toString());
        }
    }

    private void answered() {
        if (reason != null) {
            log.info("Kafka reachable again at {} after {} s; the {} goes on", address,
                    Duration.between(since, clock.instant()).toSeconds(), role);
            reason = null;
        }
    }

    private void failed(String why) {
        if (reason == null) {
            since = clock.instant();
            log.warn("Kafka unreachable at {} ({}); the {} waits for it", address, why, role);
        }
        reason = why;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
