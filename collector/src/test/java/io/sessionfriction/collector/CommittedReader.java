package io.sessionfriction.collector;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a read_committed consumer sees on a topic once every transaction written so far is
 * decided. It reads up to the high watermark, not the last stable offset: commitTransaction()
 * returns before the commit markers are written, so right after a commit the LSO can still be short
 * of it.
 */
public final class CommittedReader {

    /** A record as tests compare it: key, value and headers as strings. */
    public record Seen(String key, String value, Map<String, String> headers) {
    }

    private CommittedReader() {
    }

    /** Everything committed, up to the high watermark: call it when no transaction can be open any more. */
    public static List<Seen> readCommitted(String bootstrapServers, String topic) {
        return read(bootstrapServers, topic, (consumer, partitions) -> highWatermarks(bootstrapServers, partitions));
    }

    /**
     * What is committed now, up to the last stable offset: a killed collector may have left a transaction
     * open, which holds read_committed readers below the high watermark until it is aborted or times out.
     */
    public static List<Seen> readCommittedSoFar(String bootstrapServers, String topic) {
        return read(bootstrapServers, topic, KafkaConsumer::endOffsets);
    }

    private static List<Seen> read(String bootstrapServers, String topic,
            BiFunction<KafkaConsumer<String, String>, List<TopicPartition>, Map<TopicPartition, Long>> endOffsets) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = endOffsets.apply(consumer, partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        // Partitions interleave; within one key (one partition) the order is the file order.
        return records.stream()
                .sorted(Comparator.comparingInt(ConsumerRecord<String, String>::partition)
                        .thenComparingLong(ConsumerRecord::offset))
                .map(r -> new Seen(r.key(), r.value(), headers(r)))
                .toList();
    }

    private static Map<TopicPartition, Long> highWatermarks(String bootstrapServers, List<TopicPartition> partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("could not list offsets of " + partitions, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new TreeMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), UTF_8));
        }
        return headers;
    }

    public static List<String> values(List<Seen> records) {
        return records.stream().map(Seen::value).collect(Collectors.toList());
    }
}
