package io.sessionfriction.topology.e2e;

import static io.sessionfriction.topology.TranscriptLines.SESSION_ID;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Files on disk, through the collector, a real broker and the processor, to {@code friction-alerts}:
 * the alerts name the session from the file's path, the user from its folder, and the line that failed.
 */
class PipelineEndToEndTest {

    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @TempDir
    Path sessions;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void createTopics() {
        List<NewTopic> topics = new ArrayList<>(Topics.newTopics(2));
        Collector.topics(CollectorConfig.defaults(Path.of("."), kafka.bootstrapServers()), 2).stream()
                .filter(t -> topics.stream().noneMatch(existing -> existing.name().equals(t.name())))
                .forEach(topics::add);
        kafka.createTopics(topics);
    }

    @Test
    void aFailedCommandBehindAPermissionWallRaisesOnePermissionAlertForThatLine() throws Exception {
        Line prompt = aUserPrompt("load last month's churn extract").after(Duration.ofSeconds(0));
        Line cat = aBashToolUse("cat /data/exports/churn-2026-01.csv | head").after(Duration.ofSeconds(5));
        Line denied = aBashError(cat.toolUseId(), 1, "cat: /data/exports/churn-2026-01.csv: Permission denied")
                .after(Duration.ofSeconds(6));
        Line explain = anAssistantText("The export is not readable by your account.").after(Duration.ofSeconds(9));
        Line ls = aBashToolUse("ls -l /data/exports").after(Duration.ofSeconds(12));
        Line listed = aToolResult(ls.toolUseId(), "-rw------- 1 root data-ops 4096 churn-2026-01.csv").after(Duration.ofSeconds(13));
        writeTranscript("alice", "2026-02-11_" + SESSION_ID + ".jsonl", prompt, cat, denied, explain, ls, listed);

        try (RunningProcessor processor = RunningProcessor.start(kafka, "e2e-permission", stateDir);
                Collector collector = Collector.create(collectorConfig(), new SimpleMeterRegistry())) {
            assertThat(collector.runUntilCaughtUp().committed().lines()).isEqualTo(6);

            // One line, one alert: the permission wall explains the failure, so no generic tool-error beside it.
            List<JsonNode> alerts = CommittedRecords.read(kafka, Topics.FRICTION_ALERTS, read -> read.size() >= 1).stream()
                    .map(ConsumerRecord::value).toList();

            assertThat(alerts)
                    .extracting(a -> a.path("rule").asText(), a -> a.path("sessionId").asText(), a -> a.path("user").asText(),
                            a -> a.path("evidence").get(0).path("uuid").asText(), a -> a.path("context").path("command").asText())
                    .containsExactly(
                            tuple("permission-denied", SESSION_ID, "alice", denied.uuid(), "cat /data/exports/churn-2026-01.csv | head"));
            assertThat(alerts).allSatisfy(alert -> {
                assertThat(alert.path("timestamp").asText()).isEqualTo(denied.timestamp().toString());
                assertThat(alert.path("context").path("lastUserMessages").toString()).contains("load last month's churn extract");
            });
        }
    }

    private void writeTranscript(String user, String fileName, Line... lines) throws IOException {
        Path folder = Files.createDirectories(sessions.resolve(user));
        String content = Stream.of(lines).map(Line::json).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(folder.resolve(fileName), content, StandardCharsets.UTF_8);
    }

    private CollectorConfig collectorConfig() {
        return CollectorConfig.defaults(sessions, kafka.bootstrapServers()).withTransactionalId("e2e-collector");
    }
}
