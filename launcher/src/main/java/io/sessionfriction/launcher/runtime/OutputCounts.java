package io.sessionfriction.launcher.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.event.DeadLetter;

/**
 * The processor's outputs of a bounded run, counted as read_committed consumers see them once it caught up:
 * enriched events, its own DLQ records (the collector's are counted by the collector), late events.
 *
 * @param enriched             records on session-events-enriched
 * @param processorDeadLetters records on session-events-dlq with source "processor"
 * @param late                 records on session-events-late
 */
public record OutputCounts(long enriched, long processorDeadLetters, long late) {

    private static final Duration POLL = Duration.ofMillis(200);

    /** Counts the three topics from their start to their end now. */
    public static OutputCounts of(KafkaTarget kafka) {
        return new OutputCounts(count(kafka, Topics.SESSION_EVENTS_ENRICHED.name(), false),
                count(kafka, Topics.SESSION_EVENTS_DLQ.name(), true),
                count(kafka, Topics.SESSION_EVENTS_LATE.name(), false));
    }

    private static long count(KafkaTarget kafka, String topic, boolean processorsOnly) {
        Properties props = kafka.adminProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (!processorsOnly || isProcessors(record.value())) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    private static boolean isProcessors(byte[] value) {
        JsonNode letter = Json.read(value, JsonNode.class);
        return DeadLetter.SOURCE.equals(letter.path("source").asText());
    }
}
