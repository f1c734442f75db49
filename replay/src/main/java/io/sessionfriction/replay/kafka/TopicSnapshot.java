package io.sessionfriction.replay.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.sessionfriction.processor.Topics;

/**
 * Reads a topic from its beginning to its committed end and keeps the latest value per identity (alertId,
 * session, command): what a consumer that overwrites by key would hold once the replay is over. Reads
 * read_committed without a consumer group, so it disturbs nobody.
 *
 * <p>It reads up to the topic's {@link SettledEnds}, waiting for them while commit markers are on their way.
 */
public final class TopicSnapshot {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SETTLE_EVERY = Duration.ofMillis(200);

    private final Properties clientProperties;
    private final Duration bound;

    public TopicSnapshot(Properties clientProperties, Duration bound) {
        this.clientProperties = clientProperties;
        this.bound = bound;
    }

    /**
     * The latest value per identity among records whose key passes {@code keys}, ordered by identity.
     * Records of one identity share a key, hence a partition, so offset order is their order.
     */
    public <V> Map<String, V> latest(Topics.Topic<String, V> topic, Predicate<String> keys, Function<V, String> identity)
            throws InterruptedException {
        Map<String, V> latest = new TreeMap<>();
        Deserializer<V> values = topic.valueSerde().deserializer();
        read(topic.name(), keys, bytes -> {
            V value = values.deserialize(topic.name(), bytes);
            latest.put(identity.apply(value), value);
        });
        return latest;
    }

    /** How many committed records with a key that passes {@code keys} the topic holds. */
    public long count(String topic, Predicate<String> keys) throws InterruptedException {
        long[] count = {0};
        read(topic, keys, value -> count[0]++);
        return count[0];
    }

    private void read(String topic, Predicate<String> keys, Consumer<byte[]> values) throws InterruptedException {
        Map<TopicPartition, Long> ends = settledEnds(topic);
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.copyOf(ends.keySet()));
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + bound.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Gave up reading " + topic + " after " + bound.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.value() != null && keys.test(record.key())) {
                        values.accept(record.value());
                    }
                }
            }
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private Map<TopicPartition, Long> settledEnds(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        try (Admin admin = Admin.create(clientProperties)) {
            while (true) {
                Optional<Map<TopicPartition, Long>> settled = SettledEnds.of(admin, topic);
                if (settled.isPresent()) {
                    return settled.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " still has open transactions after " + bound.toSeconds() + " s");
                }
                Thread.sleep(SETTLE_EVERY.toMillis());
            }
        }
    }
}
