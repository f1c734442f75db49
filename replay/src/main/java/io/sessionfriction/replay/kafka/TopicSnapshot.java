package io.sessionfriction.replay.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
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
 * Reads topics from their beginning to their committed end and keeps the latest value per identity (alertId,
 * session, command): what a consumer that overwrites by key would hold once the replay is over. Reads
 * read_committed without a consumer group, so it disturbs nobody. A {@link Pass} reads several topics with
 * one consumer at once: a replay of a few sessions would otherwise spend more time starting consumers than
 * reading.
 *
 * <p>It reads up to the topics' {@link SettledEnds}, waiting for them while commit markers are on their way.
 */
public final class TopicSnapshot {

    private static final Duration POLL = Duration.ofMillis(200);
    /** The broker answers a fetch at once when it has records; this bounds its wait when it has none. */
    private static final int FETCH_MAX_WAIT_MS = 50;

    private final Properties clientProperties;
    private final Duration bound;

    public TopicSnapshot(Properties clientProperties, Duration bound) {
        this.clientProperties = clientProperties;
        this.bound = bound;
    }

    /** A pass over several topics: say what to keep of each, then {@link Pass#read} them all at once. */
    public Pass pass() {
        return new Pass();
    }

    /**
     * The latest value per identity among records whose key passes {@code keys}, ordered by identity.
     * Records of one identity share a key, hence a partition, so offset order is their order.
     */
    public <V> Map<String, V> latest(Topics.Topic<String, V> topic, Predicate<String> keys, Function<V, String> identity)
            throws InterruptedException {
        Pass pass = pass();
        Map<String, V> latest = pass.latest(topic, keys, identity);
        pass.read();
        return latest;
    }

    /** How many committed records with a key that passes {@code keys} the topic holds. */
    public long count(String topic, Predicate<String> keys) throws InterruptedException {
        Pass pass = pass();
        LongSupplier count = pass.count(topic, keys);
        pass.read();
        return count.getAsLong();
    }

    /** Topics read together; what each method returns is filled by {@link #read}. */
    public final class Pass {

        private final Map<String, List<Reading>> readings = new LinkedHashMap<>();

        private record Reading(Predicate<String> keys, Consumer<byte[]> values) {
        }

        private Pass() {
        }

        /** As {@link TopicSnapshot#latest}, filled once {@link #read} returns. */
        public <V> Map<String, V> latest(Topics.Topic<String, V> topic, Predicate<String> keys, Function<V, String> identity) {
            Map<String, V> latest = new TreeMap<>();
            Deserializer<V> values = topic.valueSerde().deserializer();
            add(topic.name(), keys, bytes -> {
                V value = values.deserialize(topic.name(), bytes);
                latest.put(identity.apply(value), value);
            });
            return latest;
        }

        /** As {@link TopicSnapshot#count}, valid once {@link #read} returns. */
        public LongSupplier count(String topic, Predicate<String> keys) {
            long[] count = {0};
            add(topic, keys, value -> count[0]++);
            return () -> count[0];
        }

        private void add(String topic, Predicate<String> keys, Consumer<byte[]> values) {
            readings.computeIfAbsent(topic, t -> new ArrayList<>()).add(new Reading(keys, values));
        }

        /** Reads every topic of the pass to its committed end, with one consumer. */
        public void read() throws InterruptedException {
            Map<TopicPartition, Long> ends = settledEnds(readings.keySet());
            Properties props = new Properties();
            props.putAll(clientProperties);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.assign(List.copyOf(ends.keySet()));
                consumer.seekToBeginning(ends.keySet());
                long deadline = System.nanoTime() + bound.toNanos();
                while (!reached(consumer, ends)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Gave up reading " + readings.keySet() + " after " + bound.toSeconds() + " s");
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        if (record.value() != null) {
                            for (Reading reading : readings.get(record.topic())) {
                                if (reading.keys().test(record.key())) {
                                    reading.values().accept(record.value());
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private Map<TopicPartition, Long> settledEnds(Collection<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Map<TopicPartition, Long> ends = new HashMap<>();
        try (Admin admin = Admin.create(clientProperties)) {
            for (String topic : topics) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                ends.putAll(SettledEnds.await(admin, topic, left).orElseThrow(() -> new IllegalStateException(
                        topic + " still has open transactions after " + bound.toSeconds() + " s")));
            }
        }
        return ends;
    }
}
