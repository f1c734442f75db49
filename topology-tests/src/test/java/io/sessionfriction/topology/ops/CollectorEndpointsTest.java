package io.sessionfriction.topology.ops;

import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.TranscriptLines.Line;
import io.sessionfriction.topology.e2e.KafkaFixture;

/** The {@code collect} command's operations endpoint on a real broker: ready once connected, its counters move with the lines. */
class CollectorEndpointsTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String SESSION_FILE = "2026-02-11_258c7280-ae70-4798-800f-63464d01a85d.jsonl";

    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @TempDir
    Path sessions;

    @Test
    void isReadyOnceConnectedAndCountsTheLinesItPublishesAsTheyFlow() throws Exception {
        Path transcript = Files.createDirectories(sessions.resolve("alice")).resolve(SESSION_FILE);
        append(transcript, aUserPrompt("load the churn extract").after(Duration.ZERO),
                anAssistantText("Loading it.").after(Duration.ofSeconds(3)));
        int port = Http.freePort();

        try (CliInBackground collect = CliInBackground.start("collect", "collect",
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--sessions", sessions.toString(),
                "--poll-interval", "200ms",
                "--partitions", "2",
                "--transactional-id", "ops-collect",
                "--http-port", String.valueOf(port))) {
            Awaitility.await("collector ready").atMost(BOUND).until(() -> {
                assertThat(collect.running()).as(collect.errors()).isTrue();
                return Http.get(port, "/health/ready").status() == 200;
            });
            assertThat(Http.get(port, "/health/live").json().path("status").asText()).isEqualTo("UP");
            double before = awaitLines(port, value -> value >= 2);

            append(transcript, aUserPrompt("and February's").after(Duration.ofMinutes(1)),
                    anAssistantText("Loading February.").after(Duration.ofMinutes(1).plusSeconds(2)),
                    anAssistantText("Done.").after(Duration.ofMinutes(1).plusSeconds(9)));

            double after = awaitLines(port, value -> value >= before + 3);
            assertThat(after).isEqualTo(before + 3);
            String metrics = Http.get(port, "/metrics").body();
            assertThat(Http.sample(metrics, "session_friction_collector_files_tracked")).isEqualTo(1);
            assertThat(Http.sample(metrics, "session_friction_collector_publish_latency_seconds_count")).isGreaterThanOrEqualTo(2);
            assertThat(metrics).contains("jvm_threads_live_threads");
            // The collector's transactional producer, through Micrometer's Kafka client binder.
            assertThat(metrics).contains("kafka_producer_record_send_total");
        }
    }

    private static double awaitLines(int port, java.util.function.DoublePredicate reached) {
        Awaitility.await("session_friction_collector_lines_total").atMost(BOUND)
                .until(() -> reached.test(Http.sample(Http.get(port, "/metrics").body(), "session_friction_collector_lines_total")));
        return Http.sample(Http.get(port, "/metrics").body(), "session_friction_collector_lines_total");
    }

    private static void append(Path file, Line... lines) throws IOException {
        String content = Stream.of(lines).map(Line::json).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
