package io.sessionfriction.topology.notify;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.notify.AlertSink;
import io.sessionfriction.notify.MeteredNotifyEvents;
import io.sessionfriction.notify.NotifySettings;
import io.sessionfriction.notify.alertmanager.AlertmanagerMapping;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.topology.Executables;
import io.sessionfriction.topology.TranscriptLines.Line;
import io.sessionfriction.topology.e2e.SamplePipeline;
import io.sessionfriction.topology.notify.WebhookReceiver.Notification;

/**
 * The samples' alerts, through the alert sink, in the real Alertmanager running the shipped
 * {@code deploy/alertmanager.yml} (receivers pointed at this test, groups waiting seconds instead of
 * minutes): the recent ones arrive with their labels, grouped by user and session and routed by severity;
 * the old ones page nobody; the inhibition rule mutes a medium alert under a high one about the same
 * command; a silence set through the API suppresses the next alert it matches.
 */
@ExtendWith(SamplePipeline.Extension.class)
class AlertmanagerEndToEndTest {

    /**
     * The samples span four days; 66 hours back from their end reach carol's session (2 h before it) and alice's
     * nightly sync (62 h), not bob's sessions (71 h and more) nor alice's first block (100 h).
     */
    private static final Duration MAX_AGE = Duration.ofHours(66);
    private static final Duration RESOLVE_AFTER = Duration.ofHours(72);
    private static final String LINK = "http://processor-1:8080/sessions/{session}";
    private static final String ALICE = "cecb35f9-7058-480d-8477-9ebc779d8585";
    private static final String CAROL = "06c6dec9-4fdf-44df-86b7-9ed468a70a6d";
    private static final Set<String> SAMPLE_USERS = Set.of("alice", "bob", "carol");

    private static SamplePipeline pipeline;
    private static WebhookReceiver webhook;
    private static RealAlertmanager alertmanager;
    private static AlertSink sink;
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    @BeforeAll
    static void startAlertmanagerAndTheSink(SamplePipeline samples, @TempDir Path dir) throws Exception {
        Optional<Path> binary = Executables.ALERTMANAGER.find();
        if (binary.isEmpty()) {
            return;
        }
        pipeline = samples;
        webhook = WebhookReceiver.start();
        alertmanager = RealAlertmanager.start(binary.get(),
                RealAlertmanager.shippedConfig(webhook::url, Duration.ofSeconds(3), Duration.ofSeconds(1)), dir);
        Properties kafka = new Properties();
        kafka.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka().bootstrapServers());
        sink = AlertSink.start(NotifySettings.defaults(List.of(alertmanager.url())).withMaxAge(MAX_AGE, RESOLVE_AFTER).withLinkTemplate(LINK),
                kafka, new MeteredNotifyEvents(METERS));
    }

    /** Per test, not per class: a class skipped in its {@code @BeforeAll} leaves no trace in the test reports. */
    @BeforeEach
    void requireAlertmanager() {
        assumeTrue(alertmanager != null, Executables.ALERTMANAGER.missing());
    }

    @AfterAll
    static void stop() {
        if (sink != null) {
            sink.close();
        }
        if (alertmanager != null) {
            alertmanager.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void theSamplesRecentAlertsArriveWithTheirLabelsAndTheOldOnesPageNobody() throws Exception {
        List<JsonNode> alerts = await().until(() -> alertsOf(a -> SAMPLE_USERS.contains(label(a, "user"))), list -> list.size() >= 5);

        assertThat(alerts).extracting(a -> label(a, "alertname"), a -> label(a, "severity"), a -> label(a, "user"), a -> label(a, "session"))
                .containsExactlyInAnyOrder(
                        tuple("data-sync", "high", "alice", ALICE),
                        tuple("timeout", "medium", "alice", ALICE),
                        tuple("api-error", "medium", "alice", ALICE),
                        tuple("slow-command", "medium", "carol", CAROL),
                        tuple("permission-denied", "high", "carol", CAROL));
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(names(alert.path("labels"))).isEqualTo(new TreeSet<>(AlertmanagerMapping.LABELS));
            assertThat(alert.path("generatorURL").asText()).isEqualTo("http://processor-1:8080/sessions/" + label(alert, "session"));
        });

        JsonNode denied = alerts.stream().filter(a -> label(a, "alertname").equals("permission-denied")).findFirst().orElseThrow();
        JsonNode record = publishedAlert(denied.path("annotations").path("alert_id").asText());
        assertThat(denied.path("labels").path("category").asText()).isEqualTo("permission");
        assertThat(denied.path("labels").path("fingerprint").asText()).isEqualTo(record.path("fingerprint").asText());
        assertThat(denied.path("annotations").path("evidence").asText())
                .isEqualTo("cp: cannot create regular file '/data/shared/finance/finance_summary.csv': Permission denied");
        assertThat(denied.path("annotations").path("command").asText()).isEqualTo("cp target/finance_summary.csv /data/shared/finance/");
        assertThat(denied.path("annotations").path("count").asText()).isEqualTo("1");
        assertThat(Instant.parse(denied.path("startsAt").asText())).isEqualTo(Instant.parse(record.path("timestamp").asText()));
        assertThat(Instant.parse(denied.path("endsAt").asText())).isEqualTo(Instant.parse(record.path("timestamp").asText())
                .plus(RESOLVE_AFTER));

        long sampleRecords = pipeline.records(Topics.FRICTION_ALERTS.name()).stream()
                .filter(r -> SAMPLE_USERS.contains(Json.read(r.value(), JsonNode.class).path("user").asText())).count();
        assertThat(METERS.get(MeteredNotifyEvents.ALERTS).tag("outcome", "not_recent").counter().count())
                .as("every other sample alert is about activity older than the max age").isEqualTo(sampleRecords - 5);
    }

    @Test
    void alertsAreGroupedByUserAndSessionAndRoutedBySeverity() throws Exception {
        await().until(() -> notificationsFor(CAROL).size() >= 2 && notificationsFor(ALICE).size() >= 2);

        assertThat(notificationsFor(CAROL)).extracting(Notification::receiver, n -> new TreeSet<>(n.firingAlertNames()))
                .containsExactlyInAnyOrder(
                        tuple("friction-page", new TreeSet<>(List.of("permission-denied"))),
                        tuple("friction-digest", new TreeSet<>(List.of("slow-command"))));
        assertThat(notificationsFor(ALICE)).extracting(Notification::receiver, n -> new TreeSet<>(n.firingAlertNames()))
                .containsExactlyInAnyOrder(
                        tuple("friction-page", new TreeSet<>(List.of("data-sync"))),
                        tuple("friction-digest", new TreeSet<>(List.of("api-error", "timeout"))));
        assertThat(webhook.notifications()).allSatisfy(notification ->
                assertThat(names(notification.payload().path("groupLabels"))).containsExactly("session", "user"));

        List<JsonNode> groups = alertmanager.groups().stream().filter(g -> CAROL.equals(g.path("labels").path("session").asText(null))).toList();
        assertThat(groups).extracting(g -> g.path("receiver").path("name").asText(), g -> g.path("labels").path("user").asText())
                .containsExactlyInAnyOrder(tuple("friction-page", "carol"), tuple("friction-digest", "carol"));
    }

    @Test
    void aHighAlertMutesTheMediumOneAboutTheSameProgramInTheSameSession() throws Exception {
        String session = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String denied = "rsync: [sender] opendir \"/data/raw/q3\" failed: Permission denied (13)";
        List<Line> lines = new ArrayList<>();
        lines.add(aUserPrompt("stage the q3 extracts").sessionId(session).at(now.minusSeconds(200)));
        // A slow rsync that ends at a permission wall, tried twice more: slow-command, then a retry loop, of one program.
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant start = now.minusSeconds(190 - 60L * attempt);
            Line rsync = aBashToolUse("rsync -a /data/raw/q3/ /data/stage/q3/").description("Stage the Q3 extracts").at(start);
            lines.add(rsync.sessionId(session));
            if (attempt == 0) {
                lines.add(aBashProgress(rsync.toolUseId()).elapsed(121).sessionId(session).at(start.plusSeconds(121)));
            }
            lines.add(aBashError(rsync.toolUseId(), 23, denied).sessionId(session).at(start.plusSeconds(attempt == 0 ? 123 : 3)));
        }
        pipeline.append("dave", session, lines);

        List<JsonNode> alerts = await().until(() -> alertsOf(a -> session.equals(label(a, "session"))),
                list -> names(list).containsAll(List.of("slow-command", "retry-loop")));

        JsonNode slow = named(alerts, "slow-command");
        JsonNode loop = named(alerts, "retry-loop");
        assertThat(label(slow, "fingerprint")).as("both name the program").isEqualTo(label(loop, "fingerprint"));
        assertThat(slow.path("status").path("state").asText()).isEqualTo("suppressed");
        assertThat(slow.path("status").path("inhibitedBy")).isNotEmpty();
        assertThat(slow.path("status").path("silencedBy")).isEmpty();
        assertThat(loop.path("status").path("state").asText()).isEqualTo("active");
    }

    @Test
    void aSilenceSetThroughTheApiSuppressesTheNextAlertItMatches() throws Exception {
        String session = UUID.randomUUID().toString();
        String silence = alertmanager.silence(Map.of("user", "erin", "alertname", "command-not-found"), Duration.ofHours(1),
                "jq is being installed on the analysts' image");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Line jq = aBashToolUse("jq '.rows | length' export.json").description("Count the exported rows").at(now.minusSeconds(18));
        pipeline.append("erin", session, List.of(
                aUserPrompt("how many rows did the export write?").sessionId(session).at(now.minusSeconds(20)),
                jq.sessionId(session),
                aBashError(jq.toolUseId(), 127, "bash: jq: command not found").sessionId(session).at(now.minusSeconds(17)),
                aUserPrompt("why does it keep failing??").sessionId(session).at(now.minusSeconds(10))));

        List<JsonNode> alerts = await().until(() -> alertsOf(a -> session.equals(label(a, "session"))),
                list -> names(list).containsAll(List.of("command-not-found", "user-confusion")));
        JsonNode silenced = named(alerts, "command-not-found");
        assertThat(silenced.path("status").path("state").asText()).isEqualTo("suppressed");
        assertThat(silenced.path("status").path("silencedBy")).extracting(JsonNode::asText).containsExactly(silence);
        assertThat(named(alerts, "user-confusion").path("status").path("state").asText()).isEqualTo("active");

        await().until(() -> notificationsFor(session).stream().anyMatch(n -> n.firingAlertNames().contains("user-confusion")));
        assertThat(notificationsFor(session)).flatExtracting(Notification::firingAlertNames)
                .contains("user-confusion").doesNotContain("command-not-found");
    }

    private static List<JsonNode> alertsOf(Predicate<JsonNode> which) throws Exception {
        return alertmanager.alerts().stream().filter(which).toList();
    }

    private static List<Notification> notificationsFor(String session) {
        return webhook.notifications().stream().filter(n -> session.equals(n.groupLabel("session"))).toList();
    }

    private static JsonNode publishedAlert(String alertId) {
        return pipeline.records(Topics.FRICTION_ALERTS.name()).stream().map(r -> Json.read(r.value(), JsonNode.class))
                .filter(a -> a.path("alertId").asText().equals(alertId)).findFirst().orElseThrow();
    }

    private static JsonNode named(List<JsonNode> alerts, String alertname) {
        return alerts.stream().filter(a -> label(a, "alertname").equals(alertname)).findFirst().orElseThrow();
    }

    private static String label(JsonNode alert, String name) {
        return alert.path("labels").path(name).asText("");
    }

    private static Set<String> names(List<JsonNode> alerts) {
        Set<String> names = new TreeSet<>();
        alerts.forEach(a -> names.add(label(a, "alertname")));
        return names;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions();
    }
}
