package io.sessionfriction.launcher.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.event.DeadLetter;
import io.sessionfriction.replay.kafka.SettledEnds;

/**
 * The processor's outputs of a bounded run, counted as read_committed consumers see them once it caught up:
 * enriched events, its own DLQ records (the collector's are counted by the collector), late events.
 *
 * <p>Each topic is read to its {@link SettledEnds}: the processor's last transaction covers all three topics
 * and the group's offsets, and its commit markers reach them one partition after another, so when the run
 * sees its offsets committed, one topic may still end before records that are already committed. Read to
 * the end it had then, the summary once counted 0 enriched events and called them repeats.
 *
 * @param enriched             records on session-events-enriched
 * @param processorDeadLetters records on session-events-dlq with source "processor"
 * @param late                 records on session-events-late
 */
public record OutputCounts(long enriched, long processorDeadLetters, long late) {

    private static final Logger log = LoggerFactory.getLogger(OutputCounts.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(30);

    /** Counts the three topics from their start to their settled end. */
    public static OutputCounts of(KafkaTarget kafka) throws InterruptedException {
        try (Admin admin = Admin.create(kafka.adminProperties())) {
            return new OutputCounts(count(kafka, admin, Topics.SESSION_EVENTS_ENRICHED.name(), false),
                    count(kafka, admin, Topics.SESSION_EVENTS_DLQ.name(), true),
                    count(kafka, admin, Topics.SESSION_EVENTS_LATE.name(), false));
        }
    }

    private static long count(KafkaTarget kafka, Admin admin, String topic, boolean processorsOnly) throws InterruptedException {
        Properties props = kafka.adminProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> ends = settledEnds(admin, consumer, topic);
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long count = 0;
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (!processorsOnly || isProcessors(record.value())) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    /**
     * The topic's settled ends; after {@link #SETTLE_BOUND} (a transaction left open by a producer that died
     * keeps a partition unsettled until the broker aborts it) the ends a read_committed consumer sees now.
     */
    private static Map<TopicPartition, Long> settledEnds(Admin admin, KafkaConsumer<byte[], byte[]> consumer, String topic)
            throws InterruptedException {
        Optional<Map<TopicPartition, Long>> settled = SettledEnds.await(admin, topic, SETTLE_BOUND);
        if (settled.isPresent()) {
            return settled.get();
        }
        log.warn("{} still has an open transaction after {} s: the summary counts its records committed so far",
                topic, SETTLE_BOUND.toSeconds());
        return consumer.endOffsets(consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList());
    }

    private static boolean isProcessors(byte[] value) {
        JsonNode letter = Json.read(value, JsonNode.class);
        return DeadLetter.SOURCE.equals(letter.path("source").asText());
    }
}
