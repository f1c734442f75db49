package io.sessionfriction.topology.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.sessionfriction.topology.Executables;
import io.sessionfriction.topology.Executables.Run;

/**
 * The shipped {@code deploy/alertmanager.yml} and the Slack receivers of {@code docs/notify.md}, as
 * Alertmanager's own {@code amtool} reads them: valid, and routing each kind of alert where the docs say.
 */
class AlertmanagerConfigTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("..").normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SLACK_EXAMPLE = Pattern.compile("### A Slack receiver.*?```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theShippedConfigurationIsValid() throws Exception {
        Run check = Executables.AMTOOL.run(ROOT, "check-config", "deploy/alertmanager.yml");

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS").contains("1 inhibit rules").contains("3 receivers");
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
        "'alertname=permission-denied severity=high user=carol session=s1', friction-page",
        "'alertname=python-env severity=critical user=carol session=s1', friction-page",
        "'alertname=tool-error severity=medium user=carol session=s1', friction-digest",
        "'alertname=user-rejection severity=low user=bob session=s2', friction-digest",
        "'alertname=SessionFrictionProcessorDown severity=critical component=session-friction-pipeline', pipeline-ops",
    })
    void eachAlertIsRoutedBySeverityAndThePipelinesOwnToItsOperators(String labels, String receiver) throws Exception {
        List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=deploy/alertmanager.yml",
                "--verify.receivers=" + receiver));
        args.addAll(List.of(labels.split(" ")));

        Run route = Executables.AMTOOL.run(ROOT, args.toArray(String[]::new));

        assertThat(route.exitCode()).as(route.output()).isZero();
        assertThat(route.output().strip().lines().filter(line -> !line.startsWith("Warning")).toList()).containsExactly(receiver);
    }

    @Test
    void theDocumentedSlackReceiversFitTheShippedRoutesAndTheirTemplatesParse(@TempDir Path dir) throws Exception {
        Matcher example = SLACK_EXAMPLE.matcher(Files.readString(ROOT.resolve("docs/notify.md")));
        assertThat(example.find()).as("docs/notify.md has a Slack receiver example").isTrue();
        JsonNode slack = YAML.readTree(example.group(1));
        ObjectNode config = (ObjectNode) YAML.readTree(ROOT.resolve("deploy/alertmanager.yml").toFile());
        config.set("receivers", slack.path("receivers"));
        Path file = Files.writeString(dir.resolve("alertmanager-slack.yml"), YAML.writeValueAsString(config));

        Run check = Executables.AMTOOL.run(dir, "check-config", file.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();

        Path templates = Files.writeString(dir.resolve("none.tmpl"), "");
        for (JsonNode receiver : (ArrayNode) slack.path("receivers")) {
            for (JsonNode slackConfig : receiver.path("slack_configs")) {
                assertThat(slackConfig.path("api_url_file").asText()).as("the webhook URL stays out of the config").isNotBlank();
                for (String field : List.of("title", "text")) {
                    Run render = Executables.AMTOOL.run(dir, "template", "render", "--template.glob=" + templates,
                            "--template.text=" + slackConfig.path(field).asText());
                    assertThat(render.exitCode()).as(receiver.path("name").asText() + " " + field + ": " + render.output()).isZero();
                }
            }
        }
    }

    @Test
    void theInhibitionRuleMutesMediumAndLowUnderHighOfTheSameSessionAndFingerprint() throws IOException {
        JsonNode rule = YAML.readTree(ROOT.resolve("deploy/alertmanager.yml").toFile()).path("inhibit_rules").path(0);

        assertThat(rule.path("source_matchers")).extracting(JsonNode::asText).contains("severity=~\"high|critical\"");
        assertThat(rule.path("target_matchers")).extracting(JsonNode::asText).containsExactly("severity=~\"medium|low\"");
        assertThat(rule.path("equal")).extracting(JsonNode::asText).containsExactly("session", "fingerprint");
    }
}
