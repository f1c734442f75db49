package io.sessionfriction.topology.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import io.sessionfriction.processor.Topics;
import io.sessionfriction.testsupport.SharedBroker;

/** Reads what read_committed consumers see on a topic, as the pipeline's downstream services would. */
public final class CommittedRecords {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(2);

    private CommittedRecords() {
    }

    /**
     * Reads until {@code done} holds for what was read, then goes on for a quiet period so that a record
     * too many is seen too; gives up after a bound and returns what it has. To check a topic stays empty,
     * read it after the topic written in the same transactions is complete, with {@code done} always true.
     */
    static <V> List<ConsumerRecord<String, V>> read(SharedBroker kafka, Topics.Topic<String, V> topic,
            Predicate<List<ConsumerRecord<String, V>>> done) {
        return read(kafka.bootstrapServers(), topic, done);
    }

    public static <V> List<ConsumerRecord<String, V>> read(String bootstrapServers, Topics.Topic<String, V> topic,
            Predicate<List<ConsumerRecord<String, V>>> done) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + topic.name() + "-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + BOUND.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (quietUntil == Long.MAX_VALUE && done.test(records)) {
                    quietUntil = System.nanoTime() + QUIET.toNanos();
                }
            }
        }
        return records;
    }
}
