package io.sessionfriction.collector.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the committed checkpoints back from the compacted offsets topic.
 *
 * <p>read_committed matters twice: checkpoints of an aborted transaction must not count, and the end
 * offsets are the last stable offsets, so a reader never waits for or sees a transaction that is
 * still open. Call it after the producer's {@code initTransactions()}, which completes or aborts the
 * previous incarnation's open transaction first.
 */
public final class CheckpointStore {

    private static final Duration TOPIC_APPEARS_WITHIN = Duration.ofSeconds(10);
    private static final Duration METADATA_RETRY = Duration.ofMillis(200);

    private CheckpointStore() {
    }

    /** The latest committed checkpoint per file; an empty map on a fresh topic. */
    public static Map<String, Checkpoint> load(String bootstrapServers, String topic, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(overrides);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, Checkpoint> checkpoints = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String file = new String(r.key(), StandardCharsets.UTF_8);
                    if (r.value() == null) {
                        checkpoints.remove(file);
                    } else {
                        checkpoints.put(file, CheckpointCodec.decode(r.value()));
                    }
                }
            }
        }
        return checkpoints;
    }

    /**
     * The topic's partitions. A topic created a moment ago may not be in the broker's metadata yet (the
     * launcher creates topics right before starting the collector), so an empty answer is asked again
     * for a few seconds before it means the topic does not exist.
     */
    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        long deadline = System.nanoTime() + TOPIC_APPEARS_WITHIN.toNanos();
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Offsets topic " + topic + " does not exist; create it first");
            }
            try {
                Thread.sleep(METADATA_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while looking up the offsets topic " + topic, e);
            }
        }
    }
}
