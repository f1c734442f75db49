package io.sessionfriction.topology.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.CloudEventHeaders;
import io.sessionfriction.topology.e2e.SamplePipeline;

/**
 * Every topic has a schema in {@code schemas/}, and every record the end-to-end run of the samples
 * wrote on it validates against that schema: the contract other services code to is the one the
 * pipeline keeps.
 */
@ExtendWith(SamplePipeline.Extension.class)
class EveryTopicContractTest {

    private static final Path SCHEMAS = Path.of("").toAbsolutePath().resolve("../schemas").normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSIONED_ID = Pattern.compile("^https://sessionfriction\\.io/schemas/v(\\d+)/([a-z-]+\\.schema\\.json)$");

    /** The schema of each topic's values. */
    private static final Map<String, String> SCHEMA_OF = new TreeMap<>(Map.of(
            Topics.SESSION_EVENTS.name(), "session-events.schema.json",
            SamplePipeline.COLLECTOR_OFFSETS, "collector-offsets.schema.json",
            Topics.SESSION_EVENTS_DLQ.name(), "session-events-dlq.schema.json",
            Topics.SESSION_EVENTS_LATE.name(), "session-events-late.schema.json",
            Topics.SESSION_EVENTS_ENRICHED.name(), "session-event-enriched.schema.json",
            Topics.SESSION_ACTIVITY.name(), "session-activity.schema.json",
            Topics.COMMAND_PROGRESS.name(), "command-progress.schema.json",
            Topics.FRICTION_ALERTS.name(), "friction-alert.schema.json",
            Topics.FRICTION_ALERTS_SUPPRESSED.name(), "friction-alert.schema.json"));

    private static SamplePipeline pipeline;

    @BeforeAll
    static void runTheSamples(SamplePipeline samples) {
        pipeline = samples;
    }

    static Stream<String> topics() {
        return SCHEMA_OF.keySet().stream();
    }

    @Test
    void everyTopicOfThePipelineHasASchema() {
        Set<String> topics = new TreeSet<>();
        Topics.ALL.forEach(topic -> topics.add(topic.name()));
        topics.add(SamplePipeline.COLLECTOR_OFFSETS);

        assertThat(SCHEMA_OF.keySet()).isEqualTo(topics);
        assertThat(SCHEMA_OF.values()).allSatisfy(file -> assertThat(SCHEMAS.resolve(file)).isRegularFile());
    }

    @ParameterizedTest
    @MethodSource("topics")
    void everyRecordTheRunWroteValidatesAgainstItsTopicsSchema(String topic) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(read(SCHEMAS.resolve(SCHEMA_OF.get(topic))));
        List<ConsumerRecord<String, byte[]>> records = pipeline.records(topic);

        assertThat(records).as("the run writes records on " + topic).isNotEmpty();
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).as("key").isNotBlank();
            JsonNode value = JSON.readTree(record.value());
            assertThat(schema.validate(value)).as(topic + " offset " + record.offset() + ": " + value).isEmpty();
        });
    }

    @Test
    void liveAlertsAreNotSuppressedAndSuppressedOnesNameTheirFix() {
        assertThat(values(Topics.FRICTION_ALERTS.name())).allSatisfy(alert -> assertThat(alert.path("suppressedBy").isNull()).isTrue());
        assertThat(values(Topics.FRICTION_ALERTS_SUPPRESSED.name())).isNotEmpty()
                .allSatisfy(alert -> assertThat(alert.path("suppressedBy").asText()).isEqualTo(SamplePipeline.FIX_REFERENCE));
    }

    @Test
    void everyAlertRecordIsACloudEventWhoseSchemaIsTheTopicsSchema() {
        JsonNode schema = read(SCHEMAS.resolve(SCHEMA_OF.get(Topics.FRICTION_ALERTS.name())));
        for (String topic : List.of(Topics.FRICTION_ALERTS.name(), Topics.FRICTION_ALERTS_SUPPRESSED.name())) {
            assertThat(pipeline.records(topic)).as(topic).isNotEmpty().allSatisfy(record -> {
                JsonNode alert = JSON.readTree(record.value());
                assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(header(record, "ce_id")).isEqualTo(alert.path("alertId").asText() + "/" + alert.path("escalation").asInt());
                assertThat(header(record, "ce_source")).isEqualTo("/session-friction/" + SamplePipeline.APPLICATION_ID);
                assertThat(header(record, "ce_type")).isEqualTo(CloudEventHeaders.TYPE);
                assertThat(header(record, "ce_time")).isEqualTo(alert.path("timestamp").asText());
                assertThat(header(record, "ce_dataschema")).isEqualTo(schema.path("$id").asText());
                assertThat(header(record, "content-type")).isEqualTo("application/json");
            });
        }
    }

    @Test
    void theDeadLetterQueueHoldsRecordsOfBothProducers() {
        assertThat(values(Topics.SESSION_EVENTS_DLQ.name())).extracting(letter -> letter.path("source").asText())
                .contains("collector", "processor");
    }

    @Test
    void everyTranscriptLineCarriesWhereItCameFrom() {
        assertThat(pipeline.records(Topics.SESSION_EVENTS.name())).allSatisfy(record -> {
            for (String header : List.of("user", "file", "offset", "line")) {
                assertThat(record.headers().lastHeader(header)).as(header).isNotNull();
            }
            assertThat(new String(record.headers().lastHeader("line").value(), StandardCharsets.UTF_8)).matches("[1-9][0-9]*");
        });
    }

    @Test
    void everySchemaIdCarriesItsVersionAndFileName() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            assertThat(files.filter(file -> file.toString().endsWith(".schema.json"))).isNotEmpty().allSatisfy(file -> {
                JsonNode schema = read(file);
                Matcher id = VERSIONED_ID.matcher(schema.path("$id").asText());
                assertThat(id.matches()).as(file + " $id " + schema.path("$id")).isTrue();
                assertThat(id.group(2)).isEqualTo(file.getFileName().toString());
                JsonNode pinned = schema.path("properties").path("schemaVersion").path("const");
                if (!pinned.isMissingNode()) {
                    assertThat(pinned.asInt()).as(file + ": the id's version is the schemaVersion").isEqualTo(Integer.parseInt(id.group(1)));
                }
            });
        }
    }

    @Test
    void theSchemasReadmeListsEveryTopicWithItsSchema() throws IOException {
        String readme = Files.readString(SCHEMAS.resolve("README.md"));

        SCHEMA_OF.forEach((topic, file) -> assertThat(readme).containsPattern("\\| `" + topic + "` \\|[^\\n]*`" + Pattern.quote(file) + "`"));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<JsonNode> values(String topic) {
        return pipeline.records(topic).stream().map(record -> {
            try {
                return JSON.readTree(record.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
