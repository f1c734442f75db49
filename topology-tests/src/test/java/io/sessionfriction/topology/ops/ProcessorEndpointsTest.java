package io.sessionfriction.topology.ops;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.launcher.cli.options.HttpOptions;
import io.sessionfriction.launcher.runtime.http.HealthEndpoints;
import io.sessionfriction.launcher.runtime.http.OpsServer;
import io.sessionfriction.launcher.runtime.http.StreamsHealth;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.processor.topology.FrictionTopology;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.ActiveTimeDefinition;
import io.sessionfriction.topology.TranscriptLines.Line;
import io.sessionfriction.topology.e2e.KafkaFixture;

/**
 * The processor's operations endpoint on a real broker: readiness follows Kafka Streams' state, and two
 * {@code process} instances of one application answer {@code /sessions} for any session, whichever of
 * them holds its partition, to a request with their bearer token only; errors never quote the request.
 */
class ProcessorEndpointsTest {

    private static final int PARTITIONS = 4;
    private static final Duration GAP = Duration.ofMinutes(10);
    private static final Duration BOUND = Duration.ofSeconds(45);
    private static final Instant T0 = Instant.parse("2026-02-11T20:00:00Z");
    private static final String TOKEN = "9f8e7d6c5b4a39281726354d6e5f4a3b";

    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @TempDir
    Path sessions;

    @TempDir
    Path stateDirs;

    @BeforeAll
    static void createTopics() {
        List<NewTopic> topics = new ArrayList<>(Topics.newTopics(PARTITIONS));
        topics.add(new NewTopic("collector-offsets", PARTITIONS, (short) 1)
                .configs(Map.of("cleanup.policy", "compact")));
        kafka.createTopics(topics);
    }

    @Test
    void readinessIs503UntilTheTopologyRunsThen200() throws Exception {
        ProcessorSettings settings = ProcessorSettings.defaults().withApplicationId("ops-readiness");
        Properties props = settings.streamsProperties(kafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirs.resolve("readiness").toString());
        RuleCatalogue rules = RuleCatalogue.defaults();
        try (KafkaStreams streams = new KafkaStreams(FrictionTopology.build(settings, new RuleMatcher(rules),
                        new FrictionAlertStage(rules, FixesRegistry.empty(), settings)), props);
                OpsServer server = OpsServer.start(HttpOptions.DEFAULT_BIND, 0)) {
            HealthEndpoints.install(server, new StreamsHealth(streams, () -> null, Optional::empty));

            Http.Answer before = Http.get(server.port(), "/health/ready");
            assertThat(before.status()).isEqualTo(503);
            assertThat(before.json().path("status").asText()).isEqualTo("DOWN");
            assertThat(before.json().path("reason").asText()).isEqualTo("Kafka Streams state CREATED");
            assertThat(Http.get(server.port(), "/health/live").status()).isEqualTo(200);

            streams.start();

            Awaitility.await("ready once RUNNING").atMost(BOUND)
                    .until(() -> Http.get(server.port(), "/health/ready").status() == 200);
            assertThat(Http.get(server.port(), "/health/ready").json().path("status").asText()).isEqualTo("UP");
            streams.close(Duration.ofSeconds(30));
            assertThat(Http.get(server.port(), "/health/ready").status()).isEqualTo(503);
        }
    }

    @Test
    void eitherOfTwoInstancesAnswersForEverySessionWithItsActiveTimeRunningCommandsAndMetrics() throws Exception {
        // Six sessions over four partitions: each instance owns some, so some answers must be forwarded.
        Map<String, List<Line>> bySession = new LinkedHashMap<>();
        List<String> alicesSessions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "5e55" + i + "000-ae70-4798-800f-63464d01a85d";
            String user = i % 2 == 0 ? "alice" : "bob";
            if (user.equals("alice")) {
                alicesSessions.add(id);
            }
            List<Line> lines = sessionLines(i);
            bySession.put(id, lines);
            Line unusableTime = anAssistantText("a line whose time cannot be read").with("timestamp", "yesterday");
            writeTranscript(user, "2026-02-11_" + id + ".jsonl", Stream.concat(lines.stream(), Stream.of(unusableTime)));
        }
        int port1 = Http.freePort();
        int port2 = Http.freePort();
        Path tokenFile = Files.writeString(stateDirs.resolve("sessions-token"), TOKEN + "\n");
        try (CliInBackground first = process(port1, "one", tokenFile);
                CliInBackground second = process(port2, "two", tokenFile)) {
            awaitReady(first, port1);
            awaitReady(second, port2);
            try (Collector collector = Collector.create(CollectorConfig.defaults(sessions, kafka.bootstrapServers())
                    .withTransactionalId("ops-collector"), new SimpleMeterRegistry())) {
                collector.runUntilCaughtUp();
            }

            Set<String> servedBy = new HashSet<>();
            for (Map.Entry<String, List<Line>> session : bySession.entrySet()) {
                double expected = ActiveTimeDefinition.activeSeconds(
                        session.getValue().stream().map(Line::timestamp).toList(), GAP);
                for (int port : new int[] {port1, port2}) {
                    JsonNode answer = awaitSession(port, session.getKey(), expected);
                    servedBy.add(answer.path("servedBy").asText());
                    assertThat(answer.path("blocks")).hasSize(2);
                    assertThat(answer.path("runningCommands")).singleElement().satisfies(command -> {
                        assertThat(command.path("command").asText()).isEqualTo("rsync -a /data/raw/ /data/stage/");
                        assertThat(command.path("elapsedSeconds").asLong()).isEqualTo(7);
                    });
                    assertThat(answer.path("alerts")).extracting(alert -> alert.path("rule").asText())
                            .contains("permission-denied");
                    assertThat(answer.path("alerts")).allSatisfy(alert ->
                            assertThat(alert.path("sessionId").asText()).isEqualTo(session.getKey()));
                }
            }
            assertThat(servedBy).as("both instances hold sessions").containsExactlyInAnyOrder(
                    "localhost:" + port1, "localhost:" + port2);

            String anySession = bySession.keySet().iterator().next();
            assertThat(Http.get(port1, "/sessions/" + anySession).status()).as("no token").isEqualTo(401);
            assertThat(Http.get(port2, "/sessions?user=alice", "not-the-token-at-all").status()).isEqualTo(401);
            assertThat(Http.get(port1, "/health/live").status()).as("probes stay open").isEqualTo(200);
            assertThat(Http.get(port1, "/sessions/no-such-session", TOKEN))
                    .isEqualTo(new Http.Answer(404, "{\"error\":\"unknown session\"}"));
            assertThat(Http.get(port1, "/sessions/%3Cscript%3Ealert(1)%3C%2Fscript%3E", TOKEN).body())
                    .isEqualTo("{\"error\":\"malformed session id: 1 to 200 of A-Z a-z 0-9 . _ -\"}");
            assertThat(Http.get(port2, "/sessions/a/b", TOKEN).status()).isEqualTo(400);
            assertThat(Http.get(port2, "/sessions", TOKEN).status()).as("a list needs its user or prefix").isEqualTo(400);
            for (int port : new int[] {port1, port2}) {
                JsonNode alice = Http.get(port, "/sessions?user=alice", TOKEN).json();
                assertThat(alice.path("sessions")).extracting(s -> s.path("sessionKey").asText())
                        .containsExactlyInAnyOrderElementsOf(alicesSessions);
                assertThat(alice.path("unavailable")).isEmpty();
            }
            for (int port : new int[] {port1, port2}) {
                // run prints a session id's first 8 characters: either instance finds the session they start.
                for (String session : bySession.keySet()) {
                    Http.Answer shortId = Http.get(port, "/sessions/" + session.substring(0, 8), TOKEN);
                    assertThat(shortId.status()).as(shortId.body()).isEqualTo(200);
                    assertThat(shortId.json().path("sessionKey").asText()).isEqualTo(session);
                }
                Http.Answer ambiguous = Http.get(port, "/sessions/5e55", TOKEN);
                assertThat(ambiguous.status()).isEqualTo(409);
                assertThat(ambiguous.json().path("error").asText()).contains("6 sessions start with it").contains("give more of it");
                assertThat(Http.get(port, "/sessions/ffff", TOKEN).status()).isEqualTo(404);
                JsonNode startingSo = Http.get(port, "/sessions?prefix=5e55", TOKEN).json();
                assertThat(startingSo.path("prefix").asText()).isEqualTo("5e55");
                assertThat(startingSo.has("user")).isFalse();
                assertThat(startingSo.path("sessions")).extracting(s -> s.path("sessionKey").asText())
                        .containsExactlyInAnyOrderElementsOf(bySession.keySet());
            }

            String metrics = Http.get(port1, "/metrics").body();
            assertThat(metrics).contains("kafka_stream_thread_process_total").contains("jvm_memory_used_bytes");
            assertThat(Http.sample(metrics, "session_friction_processor_dead_letters_total{reason=\"unparsable_timestamp\"}"))
                    .as(metrics.lines().filter(l -> l.startsWith("session_friction_processor_")).collect(Collectors.joining("\n")))
                    .isGreaterThanOrEqualTo(6);
        }
    }

    /**
     * Two blocks (the 25-minute pause is over the gap), a command that failed on a permission wall (an
     * alert), and an rsync still running at 7 s.
     */
    private static List<Line> sessionLines(int i) {
        Instant start = T0.plus(Duration.ofHours(i));
        Line ls = aBashToolUse("ls /data/raw").at(start.plusSeconds(20));
        Line rsync = aBashToolUse("rsync -a /data/raw/ /data/stage/").at(start.plus(Duration.ofMinutes(36)));
        return List.of(
                aUserPrompt("stage the raw extracts").at(start),
                ls,
                aBashError(ls.toolUseId(), 2, "ls: cannot open directory '/data/raw': Permission denied").at(start.plusSeconds(21)),
                anAssistantText("Two extracts; copying them.").at(start.plus(Duration.ofMinutes(4))),
                aUserPrompt("go on").at(start.plus(Duration.ofMinutes(29))),
                rsync,
                aBashProgress(rsync.toolUseId()).elapsed(2).at(start.plus(Duration.ofMinutes(36)).plusSeconds(2)),
                aBashProgress(rsync.toolUseId()).elapsed(7).at(start.plus(Duration.ofMinutes(36)).plusSeconds(7)));
    }

    private JsonNode awaitSession(int port, String id, double expectedActiveSeconds) {
        String path = "/sessions/" + id;
        Awaitility.await(path + " on " + port).atMost(BOUND).until(() -> {
            Http.Answer answer = Http.get(port, path, TOKEN);
            return answer.status() == 200 && answer.json().path("totalActiveSeconds").asDouble() == expectedActiveSeconds
                    && answer.json().path("runningCommands").path(0).path("elapsedSeconds").asLong() == 7
                    && answer.json().path("alerts").size() > 0;
        });
        JsonNode answer = Http.get(port, path, TOKEN).json();
        assertThat(answer.path("sessionKey").asText()).isEqualTo(id);
        assertThat(answer.path("totalActiveSeconds").asDouble()).isEqualTo(expectedActiveSeconds);
        return answer;
    }

    private CliInBackground process(int port, String name, Path tokenFile) {
        return CliInBackground.start("process-" + name, "process",
                "--sessions-token-file", tokenFile.toString(),
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--application-id", "ops-two-instances",
                "--state-dir", stateDirs.resolve(name).toString(),
                "--partitions", String.valueOf(PARTITIONS),
                "--http-port", String.valueOf(port),
                "--advertised-http", "localhost:" + port);
    }

    private static void awaitReady(CliInBackground process, int port) {
        Awaitility.await("process on " + port + " ready").atMost(BOUND).until(() -> {
            assertThat(process.running()).as(process.errors()).isTrue();
            return Http.get(port, "/health/ready").status() == 200;
        });
    }

    private void writeTranscript(String user, String fileName, Stream<Line> lines) throws IOException {
        Path folder = Files.createDirectories(sessions.resolve(user));
        String content = lines.map(Line::json).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(folder.resolve(fileName), content, StandardCharsets.UTF_8);
    }
}
