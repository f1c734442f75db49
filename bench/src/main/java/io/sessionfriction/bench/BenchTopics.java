package io.sessionfriction.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.sessionfriction.kafka.TopicCreator;

/** Creates each run's fresh topics, counts what landed on them as a read_committed reader sees it, and removes them. */
public final class BenchTopics implements AutoCloseable {

    private static final long CALL_SECONDS = 30;
    private static final long METADATA_POLL_MILLIS = 100;
    private static final Duration COUNT_BOUND = Duration.ofMinutes(5);

    private final Properties adminProperties;
    private final Admin admin;

    public BenchTopics(Properties adminProperties) {
        this.adminProperties = adminProperties;
        this.admin = Admin.create(adminProperties);
    }

    /**
     * Creates the topics and waits until every partition's leader answers for it: the controller acknowledges
     * a creation before the broker knows the topic, and the broker serves a topic's metadata before it has
     * opened its partitions. An idempotent producer sending in that moment can have its first batch refused
     * and a later one appended, and then retries the first until its delivery timeout (KAFKA-15591).
     */
    public void create(Collection<NewTopic> topics) throws InterruptedException, TimeoutException {
        TopicCreator.createMissing(adminProperties, List.copyOf(topics));
        List<String> names = topics.stream().map(NewTopic::name).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CALL_SECONDS);
        while (!visible(names)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Topics " + names + " not visible after " + CALL_SECONDS + " s");
            }
            Thread.sleep(METADATA_POLL_MILLIS);
        }
    }

    private boolean visible(List<String> names) throws InterruptedException {
        try {
            for (String name : names) {
                highWatermarks(name);
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** A topic like the collector's events topic: same partitions, same max message size. */
    public static NewTopic like(NewTopic events, String name) {
        return new NewTopic(name, Optional.of(events.numPartitions()), Optional.empty()).configs(events.configs());
    }

    /**
     * Records a read_committed consumer reads from the whole topic. It reads up to the high watermark,
     * so records whose transaction markers the broker has not written yet are waited for, not missed.
     */
    public long countCommitted(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> ends = highWatermarks(topic);
        Map<String, Object> config = new HashMap<>();
        adminProperties.forEach((k, v) -> config.put(String.valueOf(k), v));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CHECK_CRCS_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        long count = 0;
        long deadline = System.nanoTime() + COUNT_BOUND.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            while (!ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Counting " + topic + " took longer than " + COUNT_BOUND);
                }
                count += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        return count;
    }

    public void delete(Collection<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        admin.deleteTopics(topics).all().get(CALL_SECONDS, TimeUnit.SECONDS);
    }

    private Map<TopicPartition, Long> highWatermarks(String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(CALL_SECONDS, TimeUnit.SECONDS)
                .get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(CALL_SECONDS, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
