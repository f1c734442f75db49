package io.sessionfriction.processor.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.Json;

class TranscriptLineSerdeTest {

    private static final String SPACED = "{\"type\": \"user\",  \"message\": {\"content\": \"caf\\u00e9 \u2028 ok\"}, \"n\": 1.50}";

    @Test
    void aLineIsWrittenBackAsTheTextItWasReadFromWhereverItIsNested() {
        TranscriptLine line = deserialize(SPACED.getBytes(StandardCharsets.UTF_8));

        assertThat(line.json().path("message").path("content").asText()).isEqualTo("café \u2028 ok");
        assertThat(new String(Json.write(line.json()), StandardCharsets.UTF_8)).isEqualTo(SPACED);
        assertThat(new String(Json.write(new Wrapper(7, line.json())), StandardCharsets.UTF_8))
                .isEqualTo("{\"before\":7,\"event\":" + SPACED + "}");
    }

    @Test
    void textAroundTheObjectIsNotCopiedTheTreeIsWrittenInstead() {
        TranscriptLine line = deserialize((SPACED + "\r").getBytes(StandardCharsets.UTF_8));

        assertThat(new String(Json.write(line.json()), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"user\",\"message\":{\"content\":\"café \u2028 ok\"},\"n\":1.5}");
    }

    @Test
    void bytesThatAreNotUtf8InsideAStringStillMakeAnEventAsTheirReplacementText() {
        byte[] bytes = "{\"type\":\"user\",\"text\":\"a?b\"}".getBytes(StandardCharsets.US_ASCII);
        bytes[bytes.length - 4] = (byte) 0xC3;

        TranscriptLine line = deserialize(bytes);

        assertThat(line.isParsed()).isTrue();
        assertThat(line.json().path("text").asText()).isEqualTo("a\uFFFDb");
    }

    @Test
    void aValueThatIsNoObjectStaysBadInput() {
        assertThat(deserialize("[1,2]".getBytes(StandardCharsets.UTF_8)).parseError()).isEqualTo("not a JSON object");
        assertThat(deserialize("{\"a\":1} {\"b\":2}".getBytes(StandardCharsets.UTF_8)).parseError()).startsWith("malformed JSON");
    }

    private static TranscriptLine deserialize(byte[] bytes) {
        return new TranscriptLineSerde().deserializer().deserialize("session-events", bytes);
    }

    private record Wrapper(int before, JsonNode event) {
    }
}
