package io.sessionfriction.launcher.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.sessionfriction.replay.kafka.SettledEnds;

/**
 * Knows when a bounded run is over: the processor's committed offsets on its input reached the input's
 * end, and the alert printer read every committed alert.
 *
 * <p>Both read the topic's {@link SettledEnds}: while commit markers are on their way, the run is not over yet.
 */
public final class CatchUp implements AutoCloseable {

    // Two cheap admin requests: a run of a few sessions should not wait a quarter of a second for its end.
    private static final Duration CHECK_EVERY = Duration.ofMillis(50);
    private static final long CALL_TIMEOUT_SECONDS = 15;

    private final Admin admin;

    public CatchUp(KafkaTarget kafka) {
        this.admin = Admin.create(kafka.adminProperties());
    }

    /** Waits until {@code groupId} has committed past every committed record of {@code topic}. */
    public void awaitGroup(String groupId, String topic, Duration bound, Supplier<Throwable> failure) throws InterruptedException {
        awaitGroup(groupId, topic, bound, failure, () -> false);
    }

    /** As {@link #awaitGroup(String, String, Duration, Supplier)}; a {@link CancellationException} once {@code stopRequested} says so. */
    public void awaitGroup(String groupId, String topic, Duration bound, Supplier<Throwable> failure, BooleanSupplier stopRequested)
            throws InterruptedException {
        awaitCondition(bound, failure, stopRequested, "the processor to consume " + topic, () -> {
            Map<TopicPartition, Long> ends = SettledEnds.of(admin, topic).orElse(null);
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ends != null && ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
        });
    }

    /** Waits until the reader's positions reached every committed record of {@code topic}. */
    public void awaitReader(Supplier<Map<TopicPartition, Long>> positions, String topic, Duration bound, Supplier<Throwable> failure)
            throws InterruptedException {
        awaitCondition(bound, failure, () -> false, "every alert to be printed", () -> {
            Map<TopicPartition, Long> read = positions.get();
            Map<TopicPartition, Long> ends = SettledEnds.of(admin, topic).orElse(null);
            return ends != null && ends.entrySet().stream()
                    .allMatch(end -> end.getValue() == 0 || read.getOrDefault(end.getKey(), 0L) >= end.getValue());
        });
    }

    private interface Check {
        boolean done() throws Exception;
    }

    /**
     * The processor's error with its root cause's message: Kafka Streams wraps what a processor throws ("failed
     * to initialize processor refuse-lost-state"), and the reason is in the innermost exception.
     */
    static String reason(Throwable failure) {
        Throwable root = RootCause.of(failure);
        return root == failure || root.getMessage() == null ? failure.toString() : failure + ", because: " + root.getMessage();
    }

    private static void awaitCondition(Duration bound, Supplier<Throwable> failure, BooleanSupplier stopRequested, String what,
            Check check) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            if (stopRequested.getAsBoolean()) {
                throw new CancellationException("Stopped waiting for " + what);
            }
            Throwable failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("Stopped waiting for " + what + ": " + reason(failed), failed);
            }
            try {
                if (check.done()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Gave up waiting for " + what + ": " + e, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting for " + what + " after " + bound.toSeconds() + " s");
            }
            Thread.sleep(CHECK_EVERY.toMillis());
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
