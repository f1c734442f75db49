package io.sessionfriction.topology.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.rules.Severity;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.Executables;
import io.sessionfriction.topology.e2e.KafkaFixture;
import io.sessionfriction.topology.ops.CliInBackground;
import io.sessionfriction.topology.ops.Http;
import picocli.CommandLine;

/**
 * The {@code notify} command as an operator runs it: options checked before anything starts, then a consumer
 * of friction-alerts that posts to the real Alertmanager and serves its metrics and probes.
 */
class NotifyCommandTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @BeforeAll
    static void createTopics() {
        kafka.createTopics(Topics.newTopics(2));
    }

    @Test
    void withoutAnAlertmanagerItSaysSoBeforeAnythingStarts() {
        assertThat(execute("notify", "--bootstrap-servers", kafka.bootstrapServers()))
                .isEqualTo(new Exit(2, "error: --alertmanager-url is required: where to send the alerts"));
    }

    @Test
    void aBadValueNamesItsOption() {
        assertThat(execute("notify", "--bootstrap-servers", kafka.bootstrapServers(), "--alertmanager-url", "alertmanager:9093"))
                .isEqualTo(new Exit(2, "error: --alertmanager-url: 'alertmanager:9093' is not an http(s) URL of an Alertmanager"));
        assertThat(execute("notify", "--bootstrap-servers", kafka.bootstrapServers(), "--alertmanager-url", "http://am:9093",
                "--max-age", "3h", "--resolve-after", "2h").message())
                .startsWith("error: --resolve-after: the resolve-after window (PT2H) must be longer than the max age (PT3H)");
    }

    @Test
    void aRecentAlertOnTheTopicReachesAlertmanagerAndTheCommandShowsItsMetricsAndProbes(@TempDir Path dir) throws Exception {
        Path binary = Executables.ALERTMANAGER.require();
        int port = Http.freePort();
        try (WebhookReceiver webhook = WebhookReceiver.start();
                RealAlertmanager alertmanager = RealAlertmanager.start(binary,
                        RealAlertmanager.shippedConfig(webhook::url, Duration.ofSeconds(1), Duration.ofSeconds(1)), dir);
                CliInBackground notify = CliInBackground.start("notify", "notify", "--bootstrap-servers", kafka.bootstrapServers(),
                        "--alertmanager-url", alertmanager.url().toString(), "--http-port", String.valueOf(port),
                        "--link-template", "http://processor-1:8080/sessions/{session}")) {
            Awaitility.await("notify ready").atMost(BOUND).until(() -> {
                assertThat(notify.running()).as(notify.errors()).isTrue();
                return Http.get(port, "/health/ready").status() == 200;
            });
            FrictionAlert alert = anAlertSeconds(30);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.FRICTION_ALERTS.name(), alert.sessionId(), Json.write(alert))).get();
            }

            List<JsonNode> received = Awaitility.await("the alert in Alertmanager").atMost(BOUND).ignoreExceptions()
                    .until(alertmanager::alerts, alerts -> !alerts.isEmpty());
            assertThat(received).singleElement().satisfies(posted -> {
                assertThat(posted.path("labels").path("alertname").asText()).isEqualTo("auth-failure");
                assertThat(posted.path("labels").path("session").asText()).isEqualTo(alert.sessionId());
                assertThat(posted.path("generatorURL").asText()).isEqualTo("http://processor-1:8080/sessions/" + alert.sessionId());
            });
            String metrics = Http.get(port, "/metrics").body();
            assertThat(Http.sample(metrics, "session_friction_notify_alerts_total{outcome=\"sent\"}")).isEqualTo(1);
            assertThat(Http.sample(metrics, "session_friction_notify_alerts_total{outcome=\"not_recent\"}")).isZero();
            assertThat(Http.sample(metrics, "session_friction_notify_pending_alerts")).isZero();
            assertThat(metrics).contains("session_friction_notify_post_latency_seconds_bucket").contains("session_friction_build_info{")
                    .contains("kafka_consumer_fetch_manager_records_consumed_total");
            assertThat(Http.get(port, "/health/live").json().path("status").asText()).isEqualTo("UP");
        }
    }

    private static FrictionAlert anAlertSeconds(long ago) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(ago);
        return new FrictionAlert(FrictionAlert.SCHEMA_VERSION, "0123456789abcdef0123456789abcdef",
                "64dd87dd-7b7c-4bff-89ca-e9ff42be03d8", "bob", "auth-failure", "authentication", Severity.HIGH, List.of("security"),
                "psql: error: FATAL: password authentication failed for user \"bob\"", at, 1, 0, 0,
                List.of(new FrictionAlert.Evidence("u-1", at, "FATAL:  password authentication failed for user \"bob\"")),
                new FrictionAlert.Context("psql -h warehouse.internal -U bob -d analytics", "Export Q1 revenue", "/home/bob", List.of()),
                new FrictionAlert.Block(at.minusSeconds(60), at), at.minusSeconds(60), null);
    }

    private record Exit(int code, String message) {
    }

    private static Exit execute(String... args) {
        CommandLine cli = Main.commandLine(args);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Exit(code, err.toString().strip());
    }
}
