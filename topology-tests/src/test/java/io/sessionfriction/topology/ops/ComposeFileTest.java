package io.sessionfriction.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.launcher.cli.options.ConfigDefaults;
import io.sessionfriction.limits.RecordLimits;
import io.sessionfriction.processor.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * No Docker engine runs here, so the deployment is checked against the code instead: the compose file
 * parses, its images are the ones the code is built for, every SESSION_FRICTION_* variable is an option
 * of the command its service runs (with a value that option accepts), the topics it creates are the
 * code's topics with the code's compaction, and Prometheus scrapes every HTTP endpoint.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String APP_IMAGE = "session-friction:latest";
    /** The services that run a command of the jar. */
    private static final List<String> APPS = List.of("collector", "processor-1", "processor-2", "notify");
    private static final Pattern CREATE = Pattern.compile("(?m)^\\s*create (\\S+)(.*)$");

    private static JsonNode services;
    private static JsonNode volumes;

    @BeforeAll
    static void parse() throws IOException {
        JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        volumes = compose.path("volumes");
    }

    @Test
    void runsKafkaInKraftModeWithTheKafkaVersionOfTheClients() {
        assertThat(names(services)).contains("kafka", "topics", "collector", "processor-1", "processor-2", "prometheus");
        String kafkaImage = "apache/kafka:" + AppInfoParser.getVersion();
        assertThat(services.path("kafka").path("image").asText()).isEqualTo(kafkaImage);
        assertThat(services.path("topics").path("image").asText()).isEqualTo(kafkaImage);
        JsonNode broker = services.path("kafka").path("environment");
        assertThat(broker.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(broker.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
    }

    /**
     * The apache/kafka image's start scripts default {@code log.dirs} to {@code /tmp/kraft-combined-logs} inside
     * the container when KAFKA_LOG_DIRS is not set: a volume mounted anywhere else keeps nothing, and
     * recreating the container (an upgrade, {@code down} then {@code up}) loses every topic.
     */
    @Test
    void theBrokerWritesItsLogAndMetadataIntoItsDataVolume() {
        JsonNode kafka = services.path("kafka");
        String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asText("");
        assertThat(logDirs).as("KAFKA_LOG_DIRS (else the image writes to /tmp/kraft-combined-logs)").isNotBlank();
        List<String> volumeTargets = new ArrayList<>();
        kafka.path("volumes").forEach(mount -> {
            String[] parts = mount.asText().split(":");
            if (names(volumes).contains(parts[0])) {
                volumeTargets.add(parts[1]);
            }
        });
        assertThat(volumeTargets).as("named volumes of the broker").isNotEmpty();
        for (String dir : logDirs.split(",")) {
            assertThat(volumeTargets).as(dir + " is inside a named volume").anySatisfy(target ->
                    assertThat(Path.of(dir.trim()).normalize().startsWith(Path.of(target))).isTrue());
        }
        String metadataDir = kafka.path("environment").path("KAFKA_METADATA_LOG_DIR").asText(logDirs.split(",")[0]);
        assertThat(volumeTargets).as("the KRaft metadata log " + metadataDir + " is inside a named volume")
                .anySatisfy(target -> assertThat(Path.of(metadataDir).normalize().startsWith(Path.of(target))).isTrue());
    }

    /** Record sizes agree end to end: the broker and the topics it creates with the code's RecordLimits. */
    @Test
    void theBrokerAndEveryTopicTakeTheRecordSizesTheCodeWrites() {
        assertThat(services.path("kafka").path("environment").path("KAFKA_MESSAGE_MAX_BYTES").asText())
                .isEqualTo(String.valueOf(RecordLimits.LINE_RECORD_BYTES));
        Map<String, String> created = createdTopics();
        Topics.ALL.forEach(topic -> assertThat(created.get(topic.name())).as(topic.name())
                .contains("--config max.message.bytes=" + topic.maxRecordBytes() + " "));
    }

    @Test
    void theAppServicesRunTheJarBuiltByTheMultiStageDockerfile() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM maven:\\S+ AS build$")
                .contains("-pl launcher -am package")
                .contains("COPY --from=build /src/launcher/target/session-friction.jar ")
                .containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"-jar\", \"/opt/session-friction/session-friction.jar\"]$");
        for (String app : APPS) {
            assertThat(services.path(app).path("image").asText()).as(app).isEqualTo(APP_IMAGE);
            assertThat(services.path(app).path("build").asText()).as(app).isEqualTo(".");
        }
    }

    @Test
    void everySessionFrictionVariableIsAnOptionOfTheCommandItsServiceRunsWithAValueItAccepts() {
        CommandLine cli = Main.commandLine(new String[0]);
        for (String app : APPS) {
            String command = services.path(app).path("command").path(0).asText();
            CommandLine sub = cli.getSubcommands().get(command);
            assertThat(sub).as(app + " runs a command of the jar").isNotNull();
            Map<String, String> envToFlag = new HashMap<>();
            for (OptionSpec option : sub.getCommandSpec().options()) {
                envToFlag.put(ConfigDefaults.envName(option.longestName()), option.longestName());
            }
            Map<String, String> variables = environment(app);
            assertThat(variables.keySet()).as(app).isNotEmpty().allSatisfy(name ->
                    assertThat(envToFlag).as(app + ": " + name + " names an option of '" + command + "'").containsKey(name));

            List<String> args = new ArrayList<>(List.of(command));
            variables.forEach((name, value) -> args.addAll(List.of(envToFlag.get(name), value)));
            assertThatCode(() -> Main.commandLine(new String[0]).parseArgs(args.toArray(String[]::new)))
                    .as(app + ": " + args).doesNotThrowAnyException();
        }
    }

    private static Map<String, String> createdTopics() {
        String script = services.path("topics").path("command").path(0).asText();
        Map<String, String> created = new TreeMap<>();
        Matcher m = CREATE.matcher(script);
        while (m.find()) {
            created.put(m.group(1), m.group(2) + " ");
        }
        return created;
    }

    @Test
    void createsExactlyTheCodesTopicsWithExplicitPartitionsAndTheCodesCompaction() {
        assertThat(services.path("topics").path("command").path(0).asText()).contains("--partitions 6 --replication-factor 1");
        Map<String, String> created = createdTopics();

        Map<String, Boolean> expected = new TreeMap<>();
        Topics.ALL.forEach(topic -> expected.put(topic.name(), topic.compacted()));
        expected.put("collector-offsets", true);
        assertThat(created.keySet()).isEqualTo(expected.keySet());
        expected.forEach((topic, compacted) -> assertThat(created.get(topic)).as(topic)
                .contains(compacted ? "--config cleanup.policy=compact" : "--config retention.ms="));
    }

    @Test
    void twoProcessorInstancesOfOneApplicationEachAdvertiseTheirOwnEndpointAndKeepTheirOwnState() {
        Map<String, String> one = environment("processor-1");
        Map<String, String> two = environment("processor-2");
        assertThat(one.get("SESSION_FRICTION_APPLICATION_ID")).isEqualTo(two.get("SESSION_FRICTION_APPLICATION_ID"));
        for (String app : List.of("processor-1", "processor-2")) {
            Map<String, String> env = environment(app);
            assertThat(env.get("SESSION_FRICTION_ADVERTISED_HTTP"))
                    .isEqualTo(services.path(app).path("hostname").asText() + ":" + env.get("SESSION_FRICTION_HTTP_PORT"));
            assertThat(services.path(app).path("volumes").path(0).asText())
                    .isEqualTo(app + "-state:" + env.get("SESSION_FRICTION_STATE_DIR"));
        }
    }

    @Test
    void everyEndpointListensOnItsContainersInterfacesAndIsPublishedOnTheHostsLoopbackOnly() {
        for (String app : List.of("collector", "processor-1", "processor-2")) {
            assertThat(environment(app).get("SESSION_FRICTION_HTTP_BIND")).as(app).isEqualTo("0.0.0.0");
            assertThat(services.path(app).path("ports")).as(app).isNotEmpty()
                    .allSatisfy(port -> assertThat(port.asText()).startsWith("127.0.0.1:"));
        }
    }

    @Test
    void theCollectorReadsTheSessionsFolderReadOnly() {
        String mount = services.path("collector").path("volumes").path(0).asText();
        assertThat(mount).endsWith(":" + environment("collector").get("SESSION_FRICTION_SESSIONS") + ":ro");
    }

    @Test
    void prometheusScrapesEveryHttpEndpoint() throws IOException {
        JsonNode prometheus = YAML.readTree(ROOT.resolve("deploy/prometheus.yml").toFile());
        Set<String> targets = new TreeSet<>();
        prometheus.path("scrape_configs").forEach(job -> job.path("static_configs")
                .forEach(config -> config.path("targets").forEach(target -> targets.add(target.asText()))));

        Set<String> endpoints = new TreeSet<>();
        for (String app : APPS) {
            endpoints.add(app + ":" + environment(app).get("SESSION_FRICTION_HTTP_PORT"));
        }
        assertThat(targets).isEqualTo(endpoints);
        assertThat(services.path("prometheus").path("volumes").path(0).asText()).startsWith("./deploy/prometheus.yml:");
    }

    @Test
    void theMonitoringProfileRunsTheShippedRulesAlertmanagerConfigAndDashboard() {
        assertThat(services.path("prometheus").path("volumes")).extracting(JsonNode::asText)
                .contains("./deploy/prometheus-rules.yml:/etc/prometheus/prometheus-rules.yml:ro");
        assertThat(services.path("alertmanager").path("volumes")).extracting(JsonNode::asText)
                .containsExactly("./deploy/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        assertThat(services.path("grafana").path("volumes")).extracting(JsonNode::asText).containsExactly(
                "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(environment("notify").get("SESSION_FRICTION_ALERTMANAGER_URL")).isEqualTo("http://alertmanager:9093");
        for (String monitoring : List.of("notify", "prometheus", "alertmanager", "grafana")) {
            assertThat(services.path(monitoring).path("profiles")).extracting(JsonNode::asText).as(monitoring).containsExactly("monitoring");
        }
    }

    @Test
    void theDeploymentDocumentationNamesEveryServiceAndTopic() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/operations.md"));
        assertThat(names(services)).allSatisfy(service -> assertThat(docs).contains("`" + service + "`"));
        Topics.ALL.forEach(topic -> assertThat(docs).contains("`" + topic.name() + "`"));
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new TreeMap<>();
        services.path(service).path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
