package io.sessionfriction.processor.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import io.sessionfriction.processor.Json;

/**
 * Value serde of {@code session-events}: bytes are the line's UTF-8 text. Reading parses the JSON once,
 * here, so the timestamp extractor and the topology share one tree.
 */
public final class TranscriptLineSerde implements Serde<TranscriptLine> {

    // Trailing tokens fail: two objects glued on one line must reach the DLQ, not lose the second one.
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static TranscriptLine parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return TranscriptLine.unparsable(raw, "empty value");
        }
        try {
            JsonNode json = READER.readTree(raw);
            if (json == null || !json.isObject()) {
                return TranscriptLine.unparsable(raw, "not a JSON object");
            }
            return TranscriptLine.parsed(raw, json);
        } catch (IOException e) {
            return TranscriptLine.unparsable(raw, "malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown parse error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public Serializer<TranscriptLine> serializer() {
        return (topic, line) -> line == null || line.raw() == null ? null : line.raw().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Deserializer<TranscriptLine> deserializer() {
        return (topic, bytes) -> parse(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
    }
}
