package io.sessionfriction.processor.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.redaction.Redactor;
import io.sessionfriction.testsupport.SecretPieces;

/** The redaction step alone: what it forwards for each kind of line, and what it counts. */
class LineRedactionTest {

    private static final String TOKEN = "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;
    private TestOutputTopic<String, TranscriptLine> out;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), new TranscriptLineSerde()))
                .mapValues(new LineRedaction(Redactor.defaults(), new MeteredProcessorEvents(meters)))
                .to("out", Produced.with(Serdes.String(), Json.serde(TranscriptLine.class)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "line-redaction-test");
        driver = new TopologyTestDriver(builder.build(), props, Lines.T0);
        in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
        out = driver.createOutputTopic("out", Serdes.String().deserializer(), Json.serde(TranscriptLine.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aLineWithASecretGoesOnAsItsRedactedTextAndTreeAndIsCountedByKind() {
        String line = Lines.toolResult("toolu_1", "remote: https://" + TOKEN + "@github.com/acme/churn", true,
                "\"Error: Exit code 128\\ngit push https://" + TOKEN + "@github.com/acme/churn\"", Lines.T0).toString();

        in.pipeInput("s1", line);

        TranscriptLine redacted = out.readValue();
        assertThat(SecretPieces.of(TOKEN).foundIn(redacted.raw())).isEmpty();
        assertThat(redacted.raw()).isEqualTo(line.replace(TOKEN, "[REDACTED:github-classic-token]"));
        assertThat(redacted.json()).isEqualTo(Lines.json(redacted.raw()));
        assertThat(meters.counter(MeteredProcessorEvents.REDACTIONS, "kind", "github-classic-token").count()).isEqualTo(2);
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void aLineWithoutSecretsGoesOnAsItWasWritten() {
        String line = "{\"type\":\"user\",\"message\":{\"content\":\"load the churn export\"},\"timestamp\":\"2026-02-11T20:00:00Z\"}";

        in.pipeInput("s1", line);

        TranscriptLine kept = out.readValue();
        assertThat(kept.raw()).isEqualTo(line);
        assertThat(kept.json()).isEqualTo(Lines.json(line));
        assertThat(meters.find(MeteredProcessorEvents.REDACTIONS).counters()).isEmpty();
    }

    @Test
    void aLineThatDoesNotParseLosesItsSecretsFromItsTextAndFromTheParserMessageThatQuotesIt() {
        String broken = "{\"type\":\"user\",\"toolUseResult\":\"PGPASSWORD=N7vqL2pX9kWm psql\", " + TOKEN + "}";

        in.pipeInput("s1", broken);

        TranscriptLine redacted = out.readValue();
        assertThat(redacted.json().isNull()).as("not parsed").isTrue();
        assertThat(redacted.raw()).isEqualTo("{\"type\":\"user\",\"toolUseResult\":\"PGPASSWORD=[REDACTED:password-assignment] psql\", "
                + "[REDACTED:github-classic-token]}");
        assertThat(redacted.parseError()).startsWith("malformed JSON").doesNotContain(TOKEN.substring(4, 12));
        assertThat(SecretPieces.of("N7vqL2pX9kWm").foundIn(Json.MAPPER.valueToTree(redacted).toString())).isEmpty();
    }

    @Test
    void anEmptyRecordIsLeftForTheParserToDeadLetter() {
        in.pipeInput("s1", (String) null);

        JsonNode value = Json.MAPPER.valueToTree(out.readValue());
        assertThat(value.path("parseError").asText()).isEqualTo("empty value");
    }
}
