package io.sessionfriction.replay.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a topic's committed records end, once that is known: a partition's end counts only when its last
 * stable offset equals its high watermark. A producer's commitTransaction returns before the broker writes
 * the commit markers, so for a moment the last stable offset still stands before records that are
 * already committed. Used by a bounded run waiting for its processor and by a replay reading its topics back.
 */
public final class SettledEnds {

    private static final long CALL_SECONDS = 15;
    private static final Duration CHECK_EVERY = Duration.ofMillis(20);

    private SettledEnds() {
    }

    /** The end offset of each partition of {@code topic}; empty while some partition still has transaction markers to come. */
    public static Optional<Map<TopicPartition, Long>> of(Admin admin, String topic) throws InterruptedException {
        Map<TopicPartition, Long> stable = ends(admin, topic, IsolationLevel.READ_COMMITTED);
        return stable.equals(ends(admin, topic, IsolationLevel.READ_UNCOMMITTED)) ? Optional.of(stable) : Optional.empty();
    }

    /** As {@link #of}, asked again until {@code bound} has passed; empty when the topic did not settle by then. */
    public static Optional<Map<TopicPartition, Long>> await(Admin admin, String topic, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<Map<TopicPartition, Long>> settled = of(admin, topic);
            if (settled.isPresent() || System.nanoTime() > deadline) {
                return settled;
            }
            Thread.sleep(CHECK_EVERY.toMillis());
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, String topic, IsolationLevel isolation)
            throws InterruptedException {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(CALL_SECONDS, TimeUnit.SECONDS).get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get(CALL_SECONDS, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }
}
