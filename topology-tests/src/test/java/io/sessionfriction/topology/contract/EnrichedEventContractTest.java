package io.sessionfriction.topology.contract;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aSummary;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.topology.FrictionDriver;

/**
 * The published contract of {@code session-events-enriched}: what the topology writes must be exactly what
 * {@code schemas/session-event-enriched.schema.json} lists. Renaming or removing a field fails here.
 */
class EnrichedEventContractTest {

    private static final Path SCHEMA = Path.of("").toAbsolutePath().resolve("../schemas/session-event-enriched.schema.json").normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema;
    private static final List<JsonNode> PUBLISHED = new ArrayList<>();

    @BeforeAll
    static void publishRealisticEvents() throws IOException {
        schema = JSON.readTree(SCHEMA.toFile());
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aUserPrompt("sync the export").at(T0),
                    aBashToolUse("rsync -a /tmp/x /data").id("toolu_1").at(T0.plusSeconds(1)),
                    aBashProgress("toolu_1").elapsed(3).at(T0.plusSeconds(4)),
                    aBashError("toolu_1", 23, "rsync error").at(T0.plusSeconds(5)),
                    aSummary("Export sync"));
            for (EnrichedEvent event : driver.enriched()) {
                byte[] bytes = Topics.SESSION_EVENTS_ENRICHED.valueSerde().serializer().serialize("session-events-enriched", event);
                PUBLISHED.add(JSON.readTree(bytes));
            }
        }
        assertThat(PUBLISHED).hasSize(5);
    }

    @Test
    void everyPublishedFieldIsInTheSchemaAndEverySchemaFieldIsPublished() {
        Set<String> properties = names(schema.path("properties").fieldNames());
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));

        assertThat(required).isEqualTo(properties);
        PUBLISHED.forEach(event -> assertThat(names(event.fieldNames())).isEqualTo(properties));
    }

    @Test
    void theRecordsComponentsAreTheSchemasProperties() {
        Set<String> components = new TreeSet<>();
        Arrays.stream(EnrichedEvent.class.getRecordComponents()).forEach(component -> components.add(component.getName()));

        assertThat(components).isEqualTo(names(schema.path("properties").fieldNames()));
    }

    @Test
    void everyPublishedEventValidatesAgainstTheSchema() {
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);

        PUBLISHED.forEach(event -> assertThat(validator.validate(event)).as(event.toString()).isEmpty());
    }

    @Test
    void theSchemaPinsTheVersionAndListsEveryKind() {
        assertThat(schema.path("properties").path("schemaVersion").path("const").asInt()).isEqualTo(EnrichedEvent.SCHEMA_VERSION);
        Set<String> kinds = new TreeSet<>();
        schema.path("properties").path("kind").path("enum").forEach(kind -> kinds.add(kind.asText()));
        assertThat(kinds).isEqualTo(names(Arrays.stream(EventKind.values()).map(Enum::name).iterator()));
    }

    @Test
    void aFieldMissingFromAnEventFailsValidation() {
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        ObjectNode renamed = (ObjectNode) PUBLISHED.get(0).deepCopy();
        renamed.set("toolname", renamed.path("toolName"));
        renamed.remove("toolName");

        assertThat(validator.validate(renamed)).isNotEmpty();
    }

    private static Set<String> names(Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
