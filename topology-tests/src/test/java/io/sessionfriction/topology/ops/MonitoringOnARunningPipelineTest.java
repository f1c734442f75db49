package io.sessionfriction.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.e2e.KafkaFixture;

/**
 * The shipped dashboard and alerting rules read metrics a running pipeline has: {@code collect},
 * {@code process} and {@code notify}, run as an operator runs them on the samples, expose on their
 * {@code /metrics} every metric the dashboard queries and the rules evaluate.
 */
class MonitoringOnARunningPipelineTest {

    private static final Path SAMPLES = Path.of("..", "samples", "sessions");
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final Pattern SAMPLE_NAME = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
    /** Prometheus' own, added to every scrape, not exposed. */
    private static final Set<String> FROM_PROMETHEUS = Set.of("up");

    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @Test
    void everyMetricTheDashboardAndTheRulesReadIsOnTheMetricsOfARunningPipeline(@TempDir Path state) throws Exception {
        Set<String> read = new TreeSet<>(DashboardTest.dashboardMetrics());
        read.addAll(DashboardTest.ruleMetrics());
        read.removeAll(FROM_PROMETHEUS);
        int process = Http.freePort();
        int collect = Http.freePort();
        int notify = Http.freePort();
        try (CliInBackground processor = CliInBackground.start("process", "process", "--bootstrap-servers", kafka.bootstrapServers(),
                        "--partitions", "2", "--state-dir", state.toString(), "--http-port", String.valueOf(process));
                CliInBackground collector = CliInBackground.start("collect", "collect", "--bootstrap-servers", kafka.bootstrapServers(),
                        "--partitions", "2", "--sessions", SAMPLES.toString(), "--http-port", String.valueOf(collect));
                CliInBackground sink = CliInBackground.start("notify", "notify", "--bootstrap-servers", kafka.bootstrapServers(),
                        "--alertmanager-url", "http://127.0.0.1:" + Http.freePort(), "--http-port", String.valueOf(notify))) {
            Set<String> exposed = new TreeSet<>();
            Awaitility.await("every metric the dashboard and the rules read").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        for (CliInBackground command : new CliInBackground[] {processor, collector, sink}) {
                            assertThat(command.running()).as(command.errors()).isTrue();
                        }
                        for (int port : new int[] {process, collect, notify}) {
                            exposed.addAll(names(Http.get(port, "/metrics").body()));
                        }
                        assertThat(exposed).as("on /metrics of process, collect and notify").containsAll(read);
                    });
            assertThat(Http.get(notify, "/health/live").json().path("status").asText()).isEqualTo("UP");
        }
    }

    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        Matcher sample = SAMPLE_NAME.matcher(exposition);
        while (sample.find()) {
            names.add(sample.group(1));
        }
        return names;
    }
}
