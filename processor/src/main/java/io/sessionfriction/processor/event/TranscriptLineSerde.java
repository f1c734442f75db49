package io.sessionfriction.processor.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        return raw == null ? TranscriptLine.unparsable(null, "empty value") : parse(raw, raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses the UTF-8 bytes (faster than the text) of a line whose text is {@code raw}. */
    private static TranscriptLine parse(String raw, byte[] utf8) {
        if (raw.isBlank()) {
            return TranscriptLine.unparsable(raw, "empty value");
        }
        try {
            JsonNode json = readTree(raw, utf8);
            if (json == null || !json.isObject()) {
                return TranscriptLine.unparsable(raw, "not a JSON object");
            }
            return TranscriptLine.parsed(raw, VerbatimObjectNode.of((ObjectNode) json, raw, utf8));
        } catch (IOException e) {
            return TranscriptLine.unparsable(raw, "malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    private static JsonNode readTree(String raw, byte[] utf8) throws IOException {
        try {
            return READER.readTree(utf8);
        } catch (IOException invalidBytes) {
            // Bytes that are not UTF-8 were replaced (U+FFFD) in the text, which may still be a good line;
            // a malformed line fails again here, with its own message.
            return READER.readTree(raw);
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
        return (topic, bytes) -> bytes == null ? parse(null) : parse(new String(bytes, StandardCharsets.UTF_8), bytes);
    }
}
