package io.sessionfriction.topology.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.progress.CommandProgress;
import io.sessionfriction.replay.kafka.TopicSnapshot;
import io.sessionfriction.replay.report.ReplayData;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.e2e.KafkaFixture;
import picocli.CommandLine;

/**
 * The files a live {@code run} processed, replayed afterwards through the same topology on the same cluster,
 * give the same alerts (alertIds, escalations; the replay's counts are the totals the live records lead to), the same active time and the same commands; the
 * replay writes only to its own topics, so the live topics' consumers see nothing of it, and removes them.
 */
class ReplayAgreesWithLiveTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Topics.Topic<String, FrictionAlert> ALERTS =
            Topics.FRICTION_ALERTS.withValueSerde(Json.serde(FrictionAlert.class));

    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @Test
    void replayAfterLiveGivesTheSameAlertsActiveTimeAndCommandDurations(@TempDir Path stateDir, @TempDir Path out)
            throws Exception {
        String[] live = {"run", "--bootstrap-servers", kafka.bootstrapServers(), "--sessions",
            ReplayOnSamplesTest.SAMPLES.toString(), "--state-dir", stateDir.toString(), "--partitions", "2"};
        CommandLine cli = Main.commandLine(live);
        StringWriter printed = new StringWriter();
        cli.setOut(new PrintWriter(printed, true));
        assertThat(cli.execute(live)).as(printed.toString()).isZero();
        Properties client = new Properties();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        TopicSnapshot liveTopics = new TopicSnapshot(client, BOUND);
        Map<String, FrictionAlert> liveAlerts = liveTopics.latest(ALERTS, k -> true, FrictionAlert::alertId);
        Map<String, SessionActivity> liveActivity = liveTopics.latest(Topics.SESSION_ACTIVITY, k -> true, SessionActivity::sessionKey);
        Map<String, CommandProgress> liveCommands = liveTopics.latest(Topics.COMMAND_PROGRESS, k -> true, ReplayAgreesWithLiveTest::key);

        Map<String, Long> liveRecords = recordCounts(liveTopics);
        Set<String> liveTopicNames = topicNames();

        ReplayOnSamplesTest.replay(out, "--sessions", ReplayOnSamplesTest.SAMPLES.toString(),
                "--bootstrap-servers", kafka.bootstrapServers());
        ReplayData replayed = ReplayData.read(out.resolve(ReplayData.FILE_NAME));

        assertThat(recordCounts(liveTopics)).isEqualTo(liveRecords)
                .hasEntrySatisfying(Topics.FRICTION_ALERTS.name(), alerts -> assertThat(alerts).isPositive());
        assertThat(liveTopics.latest(Topics.SESSION_ACTIVITY, k -> true, SessionActivity::sessionKey)).isEqualTo(liveActivity);
        assertThat(liveTopics.latest(Topics.COMMAND_PROGRESS, k -> true, ReplayAgreesWithLiveTest::key)).isEqualTo(liveCommands);
        // Deleted topics leave the cluster's metadata a moment after the controller accepted their deletion.
        await().atMost(BOUND).untilAsserted(() -> assertThat(topicNames()).isEqualTo(liveTopicNames));

        assertThat(summary(replayed.alerts(), "alertId", "escalation"))
                .isEqualTo(summary(List.copyOf(liveAlerts.values()), "alertId", "escalation"))
                .isNotEmpty();
        // The replay reports each alert's total from the alert state; live, the last record counts the
        // occurrences up to the threshold it was emitted at, within the same escalation.
        assertThat(replayed.alerts()).allSatisfy(alert ->
                assertThat(alert.count()).as(alert.alertId()).isGreaterThanOrEqualTo(liveAlerts.get(alert.alertId()).count()));
        assertThat(replayed.alerts()).anySatisfy(alert ->
                assertThat(alert.count()).as(alert.alertId()).isGreaterThan(liveAlerts.get(alert.alertId()).count()));
        assertThat(summary(replayed.activity(), "sessionKey", "totalActiveSeconds", "wallClockSeconds", "blocks"))
                .isEqualTo(summary(List.copyOf(liveActivity.values()), "sessionKey", "totalActiveSeconds", "wallClockSeconds", "blocks"))
                .hasSize(5);
        assertThat(summary(replayed.commands(), "toolUseId", "maxElapsedSeconds", "firstEventAt", "lastEventAt", "outcome"))
                .isEqualTo(summary(List.copyOf(liveCommands.values()), "toolUseId", "maxElapsedSeconds", "firstEventAt",
                        "lastEventAt", "outcome"))
                .anyMatch(line -> line.contains("\"maxElapsedSeconds\":101"));
    }

    private static String key(CommandProgress command) {
        return CommandProgress.key(command.sessionKey(), command.toolUseId());
    }

    private static Map<String, Long> recordCounts(TopicSnapshot topics) throws InterruptedException {
        Map<String, Long> counts = new TreeMap<>();
        // Compacted topics are compared by their latest values: the log cleaner may shrink them at any time.
        for (Topics.Topic<?, ?> topic : Topics.ALL.stream().filter(t -> !t.compacted()).toList()) {
            counts.put(topic.name(), topics.count(topic.name(), k -> true));
        }
        return counts;
    }

    private static Set<String> topicNames() throws Exception {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        }
    }

    /** The named fields of each record, one line per record, in the records' order (both are ordered by identity). */
    private static List<String> summary(List<?> records, String... fields) {
        List<String> lines = new ArrayList<>();
        for (Object value : records) {
            JsonNode record = Json.MAPPER.valueToTree(value);
            StringBuilder line = new StringBuilder();
            for (String field : fields) {
                line.append('"').append(field).append("\":").append(record.path(field)).append(' ');
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
