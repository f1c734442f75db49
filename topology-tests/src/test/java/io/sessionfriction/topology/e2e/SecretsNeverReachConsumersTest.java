package io.sessionfriction.topology.e2e;

import static io.sessionfriction.topology.TranscriptLines.T0;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.testsupport.FakeSecrets;
import io.sessionfriction.testsupport.FakeSecrets.FakeSecret;
import io.sessionfriction.testsupport.SecretPieces;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Every kind of secret, in every place a transcript holds one (the analyst's prompt, a Bash command, its
 * progress output cut inside the secret at either end, its failing result, the assistant's answer, a
 * subagent's file, a line that does not parse, one with a broken timestamp, one too late), through the
 * collector, a real broker and the processor. No 8-char piece of any secret is on any topic the pipeline
 * writes, changelogs included, raw or JSON-escaped; the raw {@code session-events} topic keeps each line
 * as written.
 */
class SecretsNeverReachConsumersTest {

    private static final String APPLICATION_ID = "secrets-e2e";
    private static final String AGENT = "a1b2c3d";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lines of each transcript that become enriched events: 6 in the main file, 3 in the subagent's. */
    private static final int ENRICHED_PER_SECRET = 9;

    private static KafkaFixture kafka;

    @TempDir
    static Path sessions;

    @TempDir
    static Path stateDir;

    private static final List<String> WRITTEN = new ArrayList<>();
    private static Map<String, List<TopicContents.Entry>> topics;

    @BeforeAll
    static void runThePipelineOnTranscriptsFullOfSecrets() throws Exception {
        kafka = KafkaFixture.start();
        List<NewTopic> all = new ArrayList<>(Topics.newTopics(2));
        CollectorConfig collectorConfig = CollectorConfig.defaults(sessions, kafka.bootstrapServers()).withTransactionalId("secrets-collector");
        Collector.topics(collectorConfig, 2).stream()
                .filter(t -> all.stream().noneMatch(existing -> existing.name().equals(t.name())))
                .forEach(all::add);
        kafka.createTopics(all);
        List<FakeSecret> secrets = FakeSecrets.all();
        for (int i = 0; i < secrets.size(); i++) {
            writeTranscripts(new UUID(0x5ec0e7L, i).toString(), secrets.get(i));
        }
        int count = secrets.size();

        try (RunningProcessor processor = RunningProcessor.start(kafka, APPLICATION_ID, stateDir);
                Collector collector = Collector.create(collectorConfig, new SimpleMeterRegistry())) {
            collector.runUntilCaughtUp();
            CommittedRecords.read(kafka, Topics.SESSION_EVENTS_ENRICHED, read -> read.size() >= count * ENRICHED_PER_SECRET);
            CommittedRecords.read(kafka, Topics.SESSION_EVENTS_LATE, read -> read.size() >= count);
            CommittedRecords.read(kafka, Topics.SESSION_EVENTS_DLQ, read -> read.size() >= 2 * count);
        }
        topics = TopicContents.readAll(kafka.bootstrapServers(), everyTopic());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    static Stream<FakeSecret> secrets() {
        return FakeSecrets.all().stream();
    }

    @Test
    void everyTopicThePipelineWritesIsRead() {
        assertThat(topics.keySet()).contains(Topics.SESSION_EVENTS_ENRICHED.name(), Topics.FRICTION_ALERTS.name(),
                Topics.COMMAND_PROGRESS.name(), Topics.SESSION_ACTIVITY.name(), Topics.SESSION_EVENTS_DLQ.name(),
                Topics.SESSION_EVENTS_LATE.name(), APPLICATION_ID + "-seen-events-changelog", APPLICATION_ID + "-tool-uses-changelog",
                APPLICATION_ID + "-commands-changelog", APPLICATION_ID + "-alert-tool-calls-changelog",
                APPLICATION_ID + "-alert-session-context-changelog", APPLICATION_ID + "-alert-state-changelog");
        assertThat(topics.get(Topics.FRICTION_ALERTS.name())).isNotEmpty();
        assertThat(topics.get(Topics.SESSION_EVENTS_DLQ.name())).hasSize(2 * FakeSecrets.all().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void noPieceOfTheSecretIsOnAnyTopicThePipelineWritesChangelogsIncluded(FakeSecret secret) {
        List<String> leaks = new ArrayList<>();
        topics.forEach((topic, records) -> {
            if (!topic.equals(Topics.SESSION_EVENTS.name())) {
                String all = records.stream().map(record -> record.key() + "\t" + record.value()).collect(Collectors.joining("\n"));
                SecretPieces.of(secret.value()).foundIn(all).forEach(piece -> leaks.add(topic + ": " + piece));
            }
        });

        assertThat(leaks).isEmpty();
    }

    @Test
    void whatConsumersGetNamesEachKindItTookOut() {
        String enriched = values(Topics.SESSION_EVENTS_ENRICHED.name()).collect(Collectors.joining("\n"));
        String alerts = values(Topics.FRICTION_ALERTS.name()).collect(Collectors.joining("\n"));

        assertThat(topics.get(Topics.SESSION_EVENTS_ENRICHED.name())).hasSize(FakeSecrets.all().size() * ENRICHED_PER_SECRET);
        FakeSecrets.kinds().forEach(kind -> assertThat(enriched).contains("[REDACTED:" + kind + "]"));
        assertThat(alerts).contains("[REDACTED:");
    }

    @Test
    void theRawTopicStillHasEveryLineAsWritten() {
        assertThat(values(Topics.SESSION_EVENTS.name()).toList()).containsExactlyInAnyOrderElementsOf(WRITTEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void theRawTopicStillHasTheSecretAsWritten(FakeSecret secret) {
        assertThat(values(Topics.SESSION_EVENTS.name()).filter(line -> line.contains(quoted(secret.value())))).isNotEmpty();
    }

    private static Stream<String> values(String topic) {
        return topics.get(topic).stream().map(TopicContents.Entry::value);
    }

    private static void writeTranscripts(String session, FakeSecret secret) throws IOException {
        Line prompt = aUserPrompt("Can you load the Q1 churn export? Use this:\n" + secret.inText()).sessionId(session).after(Duration.ZERO);
        Line command = aBashToolUse(secret.inCommand()).sessionId(session).after(Duration.ofSeconds(5));
        String printed = "Connecting to the warehouse...\n" + secret.inText() + "\nFetched 1,204 rows\n";
        int cut = printed.indexOf(secret.value()) + secret.value().length() / 2;
        String soFar = printed.substring(0, cut);
        Line printing = aBashProgress(command.toolUseId()).elapsed(2).output(soFar, soFar.substring(soFar.lastIndexOf('\n') + 1))
                .sessionId(session).after(Duration.ofSeconds(7));
        Line printed2 = aBashProgress(command.toolUseId()).elapsed(3).output(printed, printed.substring(cut))
                .sessionId(session).after(Duration.ofSeconds(8));
        Line failed = aBashError(command.toolUseId(), 1, "error: request failed with status 403\n" + secret.inText())
                .sessionId(session).after(Duration.ofSeconds(9));
        Line answer = anAssistantText("I found the credentials in the config (" + secret.inText() + ") and will use them.")
                .sessionId(session).after(Duration.ofSeconds(12));
        Line badTime = aUserPrompt("again: " + secret.inText()).sessionId(session).with("timestamp", "yesterday");
        Line late = anAssistantText("Last week you used " + secret.inText()).sessionId(session).at(T0.minus(Duration.ofDays(8)));
        String cutShort = "{\"type\":\"user\",\"message\":{\"content\":\"" + quoted(secret.inText());
        write("analyst/2026-02-11_" + session + ".jsonl", List.of(prompt.json(), command.json(), printing.json(),
                printed2.json(), failed.json(), answer.json(), badTime.json(), late.json()), cutShort);

        Line task = aUserPrompt("Find out why the export fails; the job uses " + secret.inText()).inSubagent(AGENT)
                .sessionId(session).after(Duration.ofSeconds(20));
        Line retry = aBashToolUse(secret.inCommand()).inSubagent(AGENT).sessionId(session).after(Duration.ofSeconds(21));
        Line again = aBashError(retry.toolUseId(), 2, "fatal: authentication failed\n" + secret.inText()).inSubagent(AGENT)
                .sessionId(session).after(Duration.ofSeconds(22));
        write("analyst/" + session + "/subagents/agent-" + AGENT + ".jsonl", List.of(task.json(), retry.json(), again.json()), null);
    }

    private static void write(String file, List<String> lines, String malformed) throws IOException {
        Path path = sessions.resolve(file);
        Files.createDirectories(path.getParent());
        WRITTEN.addAll(lines);
        String content = Stream.concat(lines.stream(), Stream.ofNullable(malformed)).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    /** The text as a JSON string's content: how a line holds it. */
    private static String quoted(String text) {
        try {
            String literal = JSON.writeValueAsString(text);
            return literal.substring(1, literal.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every topic on the broker but its own internal ones: the pipeline's, the collector's and every changelog. */
    private static List<String> everyTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.listTopics().names().get().stream().sorted().toList();
        }
    }
}
