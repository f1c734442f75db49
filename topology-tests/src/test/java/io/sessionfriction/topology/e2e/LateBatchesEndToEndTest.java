package io.sessionfriction.topology.e2e;

import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.ActiveTimeDefinition;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Two users on one partition, their 30-minute batches arriving out of order by hours: alice's events
 * advance the partition's stream time while bob's earlier batches are still on their way. On a real
 * broker, nothing is lost (every line is enriched, none is late or dead) and each session's active
 * time equals the definition.
 */
class LateBatchesEndToEndTest {

    private static final Instant DAY = Instant.parse("2026-02-16T00:00:00Z");
    private static final Duration GAP = Duration.ofMinutes(10);

    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @TempDir
    Path stateDir;

    @BeforeAll
    static void createTopics() {
        // One partition: both users share one stream-time clock, the case a grace period gets wrong.
        kafka.createTopics(Topics.newTopics(1));
    }

    @Test
    void batchesHoursLateBehindAnotherUserLandInTheirBlocksAndNothingIsLost() {
        List<Line> alice10 = burst("alice-10", at(10, 0), 45, 40);
        List<Line> alice12 = burst("alice-12", at(12, 0), 30, 40);
        List<Line> bob06 = burst("bob-06", at(6, 0), 45, 30);
        List<Line> bob0630 = burst("bob-0630", at(6, 31), 30, 50);
        List<Line> bob08 = burst("bob-08", at(8, 0), 37, 40);

        Map<String, List<Line>> arrivals = new LinkedHashMap<>();
        arrivals.put("alice 10:00", alice10);
        arrivals.put("bob 08:00, two hours behind alice", bob08);
        arrivals.put("alice 12:00", alice12);
        arrivals.put("bob 06:00, six hours behind", bob06);
        arrivals.put("bob 06:31", bob0630);

        try (RunningProcessor processor = RunningProcessor.start(kafka, "e2e-late-batches", stateDir)) {
            arrivals.forEach((batch, lines) -> publish(lines.get(0).node().path("sessionId").asText(), lines));
            int published = arrivals.values().stream().mapToInt(List::size).sum();

            assertThat(CommittedRecords.read(kafka, Topics.SESSION_EVENTS_ENRICHED, read -> read.size() >= published))
                    .hasSize(published);
            Map<String, SessionActivity> activity = latestByKey(
                    CommittedRecords.read(kafka, Topics.SESSION_ACTIVITY, read -> read.size() >= published));

            assertThat(activity.get("alice-session").totalActiveSeconds())
                    .isEqualTo(ActiveTimeDefinition.activeSeconds(times(alice10, alice12), GAP));
            assertThat(activity.get("bob-session").totalActiveSeconds())
                    .isEqualTo(ActiveTimeDefinition.activeSeconds(times(bob06, bob0630, bob08), GAP));
            assertThat(activity.get("bob-session").blocks()).hasSize(ActiveTimeDefinition.blocks(times(bob06, bob0630, bob08), GAP).size());
            assertThat(CommittedRecords.read(kafka, Topics.SESSION_EVENTS_LATE, read -> true)).isEmpty();
            assertThat(CommittedRecords.read(kafka, Topics.SESSION_EVENTS_DLQ, read -> true)).isEmpty();
        }
    }

    /** {@code count} lines every {@code everySeconds}, prompts and answers, of the session named by the prefix. */
    private static List<Line> burst(String name, Instant start, int count, int everySeconds) {
        String session = name.startsWith("alice") ? "alice-session" : "bob-session";
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds((long) i * everySeconds);
            Line line = i % 2 == 0 ? aUserPrompt(name + " question " + i) : anAssistantText(name + " answer " + i);
            lines.add(line.at(at).sessionId(session));
        }
        return lines;
    }

    private static void publish(String sessionKey, List<Line> lines) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        String user = sessionKey.substring(0, sessionKey.indexOf('-'));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            long offset = 0;
            for (Line line : lines) {
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SESSION_EVENTS.name(), sessionKey, line.json());
                record.headers().add("user", user.getBytes(StandardCharsets.UTF_8))
                        .add("file", (user + "/2026-02-16_" + sessionKey + ".jsonl").getBytes(StandardCharsets.UTF_8))
                        .add("offset", Long.toString(offset).getBytes(StandardCharsets.UTF_8));
                offset += line.json().length() + 1;
                producer.send(record);
            }
        }
    }

    private static Map<String, SessionActivity> latestByKey(List<ConsumerRecord<String, SessionActivity>> records) {
        Map<String, SessionActivity> latest = new HashMap<>();
        records.forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    @SafeVarargs
    private static List<Instant> times(List<Line>... batches) {
        List<Instant> times = new ArrayList<>();
        for (List<Line> batch : batches) {
            batch.forEach(line -> times.add(line.timestamp()));
        }
        return times;
    }

    private static Instant at(int hour, int minute) {
        return DAY.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }
}
