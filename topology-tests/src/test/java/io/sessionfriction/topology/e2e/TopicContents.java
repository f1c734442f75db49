package io.sessionfriction.topology.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything committed on a set of topics, read up to their end: one consumer assigned every partition, as
 * a read_committed service would see it. Keys and values as UTF-8 text, whatever their format.
 */
final class TopicContents {

    private static final Duration BOUND = Duration.ofSeconds(60);

    /** One record's key and value, null where the record has none. */
    record Entry(String key, String value) {
    }

    private TopicContents() {
    }

    static Map<String, List<Entry>> readAll(String bootstrapServers, List<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<Entry>> contents = new LinkedHashMap<>();
        topics.forEach(topic -> contents.put(topic, new ArrayList<>()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("topics not read to their end within " + BOUND + ": " + ends);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> contents.get(record.topic())
                        .add(new Entry(text(record.key()), text(record.value()))));
            }
        }
        return contents;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
