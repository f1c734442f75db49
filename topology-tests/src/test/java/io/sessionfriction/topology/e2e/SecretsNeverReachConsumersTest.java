package io.sessionfriction.topology.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.testsupport.FakeSecrets;
import io.sessionfriction.testsupport.FakeSecrets.FakeSecret;
import io.sessionfriction.testsupport.SecretPieces;
import io.sessionfriction.testsupport.SharedBroker;

/**
 * Every kind of secret in every place a transcript holds one ({@link SecretTranscripts}), through the
 * collector, a real broker and the processor. No 8-char piece of any secret is on any topic the pipeline
 * writes, changelogs included, raw or JSON-escaped; the raw {@code session-events} topic keeps each line
 * as written.
 */
class SecretsNeverReachConsumersTest {

    private static final String APPLICATION_ID = "secrets-e2e";

    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @TempDir
    static Path sessions;

    @TempDir
    static Path stateDir;

    private static SecretTranscripts written;
    private static Map<String, List<TopicContents.Entry>> topics;

    @BeforeAll
    static void runThePipelineOnTranscriptsFullOfSecrets() throws Exception {
        List<NewTopic> all = new ArrayList<>(Topics.newTopics(2));
        CollectorConfig collectorConfig = CollectorConfig.defaults(sessions, kafka.bootstrapServers()).withTransactionalId("secrets-collector");
        Collector.topics(collectorConfig, 2).stream()
                .filter(t -> all.stream().noneMatch(existing -> existing.name().equals(t.name())))
                .forEach(all::add);
        kafka.createTopics(all);
        written = SecretTranscripts.write(sessions);
        int count = FakeSecrets.all().size();

        try (RunningProcessor processor = RunningProcessor.start(kafka, APPLICATION_ID, stateDir);
                Collector collector = Collector.create(collectorConfig, new SimpleMeterRegistry())) {
            collector.runUntilCaughtUp();
            CommittedRecords.read(kafka, Topics.SESSION_EVENTS_ENRICHED,
                    read -> read.size() >= count * SecretTranscripts.ENRICHED_PER_SECRET);
            CommittedRecords.read(kafka, Topics.SESSION_EVENTS_LATE, read -> read.size() >= count);
            CommittedRecords.read(kafka, Topics.SESSION_EVENTS_DLQ, read -> read.size() >= 2 * count);
        }
        topics = TopicContents.readAll(kafka.bootstrapServers(), everyTopic());
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

        assertThat(topics.get(Topics.SESSION_EVENTS_ENRICHED.name()))
                .hasSize(FakeSecrets.all().size() * SecretTranscripts.ENRICHED_PER_SECRET);
        FakeSecrets.kinds().forEach(kind -> assertThat(enriched).contains("[REDACTED:" + kind + "]"));
        assertThat(alerts).contains("[REDACTED:");
    }

    @Test
    void theRawTopicStillHasEveryLineAsWritten() {
        assertThat(values(Topics.SESSION_EVENTS.name()).toList()).containsExactlyInAnyOrderElementsOf(written.lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void theRawTopicStillHasTheSecretAsWritten(FakeSecret secret) {
        String asInALine = new String(JsonStringEncoder.getInstance().quoteAsString(secret.value()));
        assertThat(values(Topics.SESSION_EVENTS.name()).filter(line -> line.contains(asInALine))).isNotEmpty();
    }

    private static Stream<String> values(String topic) {
        return topics.get(topic).stream().map(TopicContents.Entry::value);
    }

    /** Every topic on the broker: the pipeline's, the collector's and every changelog. */
    private static List<String> everyTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.listTopics().names().get().stream().sorted().toList();
        }
    }
}
