package io.sessionfriction.topology.contract;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.topology.FrictionDriver;

/**
 * The other published contracts: every output topic's JSON has exactly the fields its schema in
 * {@code schemas/} lists, and validates against it.
 */
class TopicContractsTest {

    private static final Path SCHEMAS = Path.of("").toAbsolutePath().resolve("../schemas").normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> activity;
    private static List<JsonNode> commands;
    private static List<JsonNode> deadLetters;
    private static List<JsonNode> late;

    @BeforeAll
    static void runAScenarioThatFillsEveryTopic() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aUserPrompt("sync").at(T0),
                    aBashToolUse("rsync -a /a /b").id("toolu_1").at(T0.plusSeconds(1)),
                    aBashProgress("toolu_1").elapsed(2).at(T0.plusSeconds(3)),
                    aBashError("toolu_1", 23, "rsync error").at(T0.plusSeconds(4)),
                    aUserPrompt("from long ago").at(T0.minus(Duration.ofDays(9))));
            driver.pipeRaw("s1", "alice", "{not json");

            activity = serialized(Topics.SESSION_ACTIVITY, driver.activityUpdates());
            commands = serialized(Topics.COMMAND_PROGRESS, driver.commandUpdates());
            deadLetters = serialized(Topics.SESSION_EVENTS_DLQ, driver.deadLetters());
            late = serialized(Topics.SESSION_EVENTS_LATE, driver.late());
        }
    }


    @Test
    void theCollectorWritesWhereTheProcessorReads() {
        CollectorConfig collector = CollectorConfig.defaults(Path.of("."), "broker:9092");

        assertThat(collector.eventsTopic()).isEqualTo(Topics.SESSION_EVENTS.name());
        assertThat(collector.dlqTopic()).isEqualTo(Topics.SESSION_EVENTS_DLQ.name());
    }
    @Test
    void sessionActivity() throws IOException {
        assertMatches("session-activity.schema.json", activity);
        assertThat(activity.get(0).path("blocks").path(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("start", "end", "activeSeconds", "events", "toolUses", "errors");
    }

    @Test
    void commandProgress() throws IOException {
        assertMatches("command-progress.schema.json", commands);
    }

    @Test
    void deadLetters() throws IOException {
        assertMatches("session-events-dlq.schema.json", "/$defs/processor", deadLetters);
    }

    @Test
    void lateEvents() throws IOException {
        assertMatches("session-events-late.schema.json", late);
    }

    private static void assertMatches(String schemaFile, List<JsonNode> records) throws IOException {
        assertMatches(schemaFile, "", records);
    }

    /** {@code shape} points at the object schema that lists the fields, in a schema of several variants. */
    private static void assertMatches(String schemaFile, String shape, List<JsonNode> records) throws IOException {
        JsonNode schema = JSON.readTree(SCHEMAS.resolve(schemaFile).toFile());
        Set<String> properties = names(schema.at(shape).path("properties").fieldNames());
        Set<String> required = new TreeSet<>();
        schema.at(shape).path("required").forEach(name -> required.add(name.asText()));
        var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);

        assertThat(required).isEqualTo(properties);
        assertThat(records).isNotEmpty().allSatisfy(record -> {
            assertThat(names(record.fieldNames())).isEqualTo(properties);
            assertThat(validator.validate(record)).as(record.toString()).isEmpty();
        });
    }

    private static <V> List<JsonNode> serialized(Topics.Topic<String, V> topic, List<V> values) {
        Serializer<V> serializer = topic.valueSerde().serializer();
        return values.stream().map(value -> {
            try {
                return JSON.readTree(serializer.serialize(topic.name(), value));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Set<String> names(Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
