package io.sessionfriction.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The shipped Grafana dashboard ({@code deploy/grafana/dashboards/session-friction.json}) is a dashboard
 * Grafana loads: every panel has an id of its own, a place, a Prometheus query through the dashboard's
 * data source variable; it covers what operators look at; and every metric it and the alerting rules
 * read is one docs/operations.md lists.
 */
class DashboardTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("..").normalize();
    static final Path DASHBOARD = ROOT.resolve("deploy/grafana/dashboards/session-friction.json");
    static final Path RULES = ROOT.resolve("deploy/prometheus-rules.yml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyPanelHasItsOwnIdAPlaceAndQueriesThroughTheDataSourceVariable() throws IOException {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        Set<Integer> ids = new HashSet<>();

        assertThat(dashboard.path("uid").asText()).isEqualTo("session-friction");
        assertThat(dashboard.path("templating").path("list")).anySatisfy(variable -> {
            assertThat(variable.path("name").asText()).isEqualTo("datasource");
            assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        });
        assertThat(panels(dashboard)).isNotEmpty().allSatisfy(panel -> {
            assertThat(ids.add(panel.path("id").asInt())).as("id %s once", panel.path("id")).isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
            assertThat(panel.path("title").asText()).isNotBlank();
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).isNotEmpty()
                        .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
            }
        });
    }

    @Test
    void itShowsCollectorProcessorAlertsBadInputStreamThreadsAndTheJvm() throws IOException {
        Set<String> metrics = dashboardMetrics();

        assertThat(metrics).contains(
                "session_friction_collector_lag_bytes", "session_friction_collector_lines_total",
                "session_friction_collector_bytes_total", "kafka_stream_processor_node_process_total",
                "session_friction_processor_alerts_total", "session_friction_collector_dlq_records_total",
                "session_friction_processor_dead_letters_total", "session_friction_processor_late_events_total",
                "kafka_stream_alive_stream_threads", "kafka_stream_failed_stream_threads_total",
                "session_friction_notify_alerts_total", "session_friction_notify_post_failures_total",
                "session_friction_processor_redactions_total", "session_friction_collector_redactions_total",
                "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum");
    }

    @Test
    void everyMetricTheDashboardAndTheRulesReadIsDocumented() throws IOException {
        String operations = Files.readString(ROOT.resolve("docs/operations.md"));
        Set<String> read = new TreeSet<>(dashboardMetrics());
        read.addAll(ruleMetrics());
        read.remove("up");

        assertThat(read).allSatisfy(metric -> assertThat(operations).as("docs/operations.md").contains(documentedName(metric)));
    }

    @Test
    void metricNamesAreReadFromQueriesNotTheirFunctionsLabelsOrRanges() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le, instance) (rate(a_seconds_bucket{job=\"x\"}[5m])))"))
                .containsExactly("a_seconds_bucket");
        assertThat(PromQl.metricNames("b > 0 and on (instance, job) rate(c_total[10m]) == 0 or vector(0)")).containsExactly("b", "c_total");
    }

    /** A histogram's series are documented under the histogram's name. */
    private static String documentedName(String metric) {
        return metric.replaceAll("_(bucket|sum|count|max)$", "");
    }

    static Set<String> dashboardMetrics() throws IOException {
        Set<String> metrics = new TreeSet<>();
        panels(JSON.readTree(DASHBOARD.toFile()))
                .forEach(panel -> panel.path("targets").forEach(target -> metrics.addAll(PromQl.metricNames(target.path("expr").asText()))));
        return metrics;
    }

    static Set<String> ruleMetrics() throws IOException {
        Set<String> metrics = new TreeSet<>();
        YAML.readTree(RULES.toFile()).path("groups").forEach(group -> group.path("rules")
                .forEach(rule -> metrics.addAll(PromQl.metricNames(rule.path("expr").asText()))));
        return metrics;
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        return panels;
    }
}
