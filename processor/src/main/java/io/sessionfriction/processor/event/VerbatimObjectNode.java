package io.sessionfriction.processor.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.processor.Json;

/**
 * A transcript line's JSON object that is written back as the very text it stands for. Every line
 * reaches {@code session-events-enriched}; walking and re-escaping its tree to write it cost about a
 * tenth of the stream thread's time on a replay (docs/benchmarks.md), copying its text almost nothing.
 * Only the redaction step changes a line's tree, and it then makes the line stand for its new text
 * ({@link #rewritten}); a tree changed later would still be written as the text it had.
 */
final class VerbatimObjectNode extends ObjectNode {

    private static final long serialVersionUID = 1L;

    private final Utf8Text text;

    private VerbatimObjectNode(ObjectNode parsed, String text, byte[] utf8) {
        super(JsonNodeFactory.instance, properties(parsed));
        this.text = new Utf8Text(text, utf8);
    }

    private static Map<String, JsonNode> properties(ObjectNode parsed) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        parsed.fields().forEachRemaining(property -> properties.put(property.getKey(), property.getValue()));
        return properties;
    }

    /**
     * {@code parsed} read from {@code text}, which was decoded from {@code utf8}; the text only counts when it
     * is exactly one object, nothing around it. The bytes are written as they came unless decoding them may
     * have replaced something (a U+FFFD in the text): then the text's own UTF-8 is.
     */
    static ObjectNode of(ObjectNode parsed, String text, byte[] utf8) {
        String object = text.strip();
        boolean verbatim = object.length() == text.length() && object.startsWith("{") && object.endsWith("}");
        if (!verbatim) {
            return parsed;
        }
        return new VerbatimObjectNode(parsed, text, text.indexOf('\uFFFD') < 0 ? utf8 : text.getBytes(StandardCharsets.UTF_8));
    }

    /** A tree changed since it was read, written once as the text it now stands for. */
    static ObjectNode rewritten(ObjectNode changed) {
        ObjectNode plain = JsonNodeFactory.instance.objectNode().setAll(changed);
        byte[] utf8 = Json.write(plain);
        return new VerbatimObjectNode(plain, new String(utf8, StandardCharsets.UTF_8), utf8);
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        // A UTF-8 generator copies the bytes; any other writes the text.
        generator.writeRawValue(text);
    }
}
