package io.sessionfriction.collector.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.sessionfriction.collector.tail.LineFramer;
import io.sessionfriction.redaction.Findings;
import io.sessionfriction.redaction.Redactor;

/**
 * Makes an event that is larger than a record may be fit, instead of dropping it.
 *
 * <p>Its secrets are redacted first: a string cut inside a secret would leave a piece of it that no rule
 * recognises any more. (Such a line was not going to reach the topic as written anyway.)
 *
 * <p>What makes transcript lines huge is always a few long strings: {@code data.fullOutput} and
 * {@code data.output} of bash progress, {@code toolUseResult} (a string, or its stdout/stderr/file
 * content), tool_result and text blocks in {@code message.content} holding whole files. So the
 * longest strings are shortened first, each keeping its beginning and ending with
 * {@value #MARKER_PREFIX}N bytes]; ids, timestamps and structure stay intact.
 */
public final class EventShortener {

    public static final String MARKER_PREFIX = "…[truncated by collector: ";

    /** A string is never cut below this many characters: the start of an output is the useful part. */
    private static final int KEEP_CHARS = 1024;
    private static final int MAX_ROUNDS = 6;
    private static final ObjectMapper JSON = new ObjectMapper(LineFramer.JSON.copy());

    private EventShortener() {
    }

    /** An event made to fit, and what redacting it took out. */
    public record Shortened(byte[] event, Findings redactions) {
    }

    /** The event, redacted and serialized to at most {@code maxBytes} when its strings allow it. */
    public static Shortened shorten(byte[] event, int maxBytes, Redactor redactor) {
        try {
            JsonNode root = JSON.readTree(event);
            Findings redactions = redactor.redactInPlace(root);
            byte[] result = redactions.any() ? JSON.writeValueAsBytes(root) : event;
            for (int round = 0; round < MAX_ROUNDS && result.length > maxBytes; round++) {
                cutLongest(root, result.length - maxBytes);
                result = JSON.writeValueAsBytes(root);
            }
            return new Shortened(result, redactions);
        } catch (IOException e) {
            throw new UncheckedIOException("An event that parsed once did not parse again", e);
        }
    }

    /** Removes about {@code excess} bytes (plus markers) from the longest strings, longest first. */
    private static void cutLongest(JsonNode root, long excess) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        slots.sort(Comparator.comparingInt((Slot s) -> s.text().length()).reversed());
        long remaining = excess + 64;
        for (Slot slot : slots) {
            if (remaining <= 0) {
                return;
            }
            String text = slot.text();
            int removable = text.length() - KEEP_CHARS;
            if (removable <= 0) {
                return;
            }
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            double bytesPerChar = (double) bytes / text.length();
            int cutChars = (int) Math.min(removable, Math.ceil((remaining + 48) / bytesPerChar));
            String kept = keepStart(text, text.length() - cutChars);
            int removed = bytes - kept.getBytes(StandardCharsets.UTF_8).length;
            slot.replace(kept + MARKER_PREFIX + removed + " bytes]");
            remaining -= removed;
        }
    }

    private static String keepStart(String text, int chars) {
        int end = chars > 0 && Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;
        return text.substring(0, end);
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getValue().isTextual()) {
                    slots.add(new Slot(field.getValue().textValue(), v -> object.put(field.getKey(), v)));
                } else {
                    collect(field.getValue(), slots);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                if (array.get(i).isTextual()) {
                    slots.add(new Slot(array.get(i).textValue(), v -> array.set(index, TextNode.valueOf(v))));
                } else {
                    collect(array.get(i), slots);
                }
            }
        }
    }

    private record Slot(String text, Consumer<String> replace) {
        void replace(String value) {
            replace.accept(value);
        }
    }
}
