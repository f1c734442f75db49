package io.sessionfriction.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.sessionfriction.topology.Executables;
import io.sessionfriction.topology.Executables.Run;

/**
 * The shipped alerting rules for the pipeline's own health ({@code deploy/prometheus-rules.yml}) are valid
 * ({@code promtool check rules}) and do what their specification says ({@code promtool test rules
 * deploy/prometheus-rules.test.yml}); Prometheus loads them and sends their alerts to Alertmanager.
 */
class PrometheusRulesTest {

    private static final Path DEPLOY = Path.of("").toAbsolutePath().resolve("../deploy").normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theRulesAreValid() throws Exception {
        Run check = Executables.PROMTOOL.run(DEPLOY, "check", "rules", "prometheus-rules.yml");

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + rules().size() + " rules found");
    }

    @Test
    void theRulesPassTheirUnitTests() throws Exception {
        Run test = Executables.PROMTOOL.run(DEPLOY, "test", "rules", "prometheus-rules.test.yml");

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void everyRuleIsSpecifiedAndRoutedToThePipelinesOperators() throws Exception {
        Set<String> tested = new TreeSet<>();
        YAML.readTree(DEPLOY.resolve("prometheus-rules.test.yml").toFile()).path("tests").forEach(test ->
                test.path("alert_rule_test").forEach(check -> {
                    if (!check.path("exp_alerts").isEmpty()) {
                        tested.add(check.path("alertname").asText());
                    }
                }));

        assertThat(rules()).allSatisfy(rule -> {
            assertThat(tested).as("a test where it fires").contains(rule.path("alert").asText());
            assertThat(rule.path("labels").path("component").asText()).isEqualTo("session-friction-pipeline");
            assertThat(rule.path("labels").path("severity").asText()).isIn("critical", "warning");
            assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
        });
    }

    @Test
    void prometheusLoadsTheRulesAndSendsToAlertmanager() throws Exception {
        Run check = Executables.PROMTOOL.run(DEPLOY, "check", "config", "prometheus.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();

        JsonNode config = YAML.readTree(DEPLOY.resolve("prometheus.yml").toFile());

        assertThat(config.path("rule_files")).extracting(JsonNode::asText).contains("prometheus-rules.yml");
        assertThat(config.path("alerting").path("alertmanagers").path(0).path("static_configs").path(0).path("targets"))
                .extracting(JsonNode::asText).containsExactly("alertmanager:9093");
    }

    private static List<JsonNode> rules() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        YAML.readTree(DEPLOY.resolve("prometheus-rules.yml").toFile()).path("groups")
                .forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }
}
