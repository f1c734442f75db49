package io.sessionfriction.launcher.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Knows when a bounded run is over: the processor's committed offsets on its input reached the input's
 * end, and the alert printer read every committed alert.
 *
 * <p>A partition counts as settled only when its last stable offset equals its high watermark: a
 * producer's commitTransaction returns before the broker writes the commit markers, so for a moment
 * the last stable offset still stands before records that are already committed.
 */
public final class CatchUp implements AutoCloseable {

    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final long CALL_TIMEOUT_SECONDS = 15;

    private final Admin admin;

    public CatchUp(KafkaTarget kafka) {
        this.admin = Admin.create(kafka.adminProperties());
    }

    /** Waits until {@code groupId} has committed past every committed record of {@code topic}. */
    public void awaitGroup(String groupId, String topic, Duration bound, Supplier<Throwable> failure) throws InterruptedException {
        awaitCondition(bound, failure, "the processor to consume " + topic, () -> {
            Map<TopicPartition, Long> ends = settledEnds(topic);
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ends != null && ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
        });
    }

    /** Waits until the reader's positions reached every committed record of {@code topic}. */
    public void awaitReader(Supplier<Map<TopicPartition, Long>> positions, String topic, Duration bound, Supplier<Throwable> failure)
            throws InterruptedException {
        awaitCondition(bound, failure, "every alert to be printed", () -> {
            Map<TopicPartition, Long> read = positions.get();
            Map<TopicPartition, Long> ends = settledEnds(topic);
            return ends != null && ends.entrySet().stream()
                    .allMatch(end -> end.getValue() == 0 || read.getOrDefault(end.getKey(), 0L) >= end.getValue());
        });
    }

    /** The end offset of each partition, or null while some partition still has transaction markers to come. */
    private Map<TopicPartition, Long> settledEnds(String topic) throws ExecutionException, InterruptedException,
            java.util.concurrent.TimeoutException {
        Map<TopicPartition, Long> stable = endOffsets(topic, IsolationLevel.READ_COMMITTED);
        return stable.equals(endOffsets(topic, IsolationLevel.READ_UNCOMMITTED)) ? stable : null;
    }

    private Map<TopicPartition, Long> endOffsets(String topic, IsolationLevel isolation) throws ExecutionException,
            InterruptedException, java.util.concurrent.TimeoutException {
        int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResultInfo> result = admin
                .listOffsets(request, new ListOffsetsOptions(isolation))
                .all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void awaitCondition(Duration bound, Supplier<Throwable> failure, String what, Check check)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Throwable failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("Stopped waiting for " + what + ": " + failed, failed);
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
