package io.sessionfriction.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Makes a JSON value that is larger than a record may be fit, instead of dropping it or failing its write.
 *
 * <p>What makes transcript lines huge is almost always a few long strings: {@code data.fullOutput} and
 * {@code data.output} of bash progress, {@code toolUseResult} (a string, or its stdout/stderr/file
 * content), tool_result and text blocks in {@code message.content} holding whole files. So the longest
 * strings (values, and field names) are shortened first, each keeping its beginning and ending with
 * {@value #MARKER_PREFIX}WHO: N bytes]; ids, timestamps and structure stay intact.
 *
 * <p>When strings alone cannot make it fit (hundreds of thousands of small values), the smallest subtree
 * whose removal is enough (else the largest) is emptied, keeping its type ({@code {}} or {@code []}, so a
 * typed reader still reads the value), and the root gets a {@value #TRUNCATED_FIELD} field saying how many
 * bytes went. The root's own fields always stay.
 */
public final class JsonShortener {

    public static final String MARKER_PREFIX = "…[truncated by ";
    /** The root field naming what was removed when subtrees had to go. */
    public static final String TRUNCATED_FIELD = "truncated";

    /** A string is never cut below this many characters: the start of an output is the useful part. */
    private static final int KEEP_CHARS = 1024;
    private static final int MAX_ROUNDS = 6;
    /** Lines are parsed with Jackson's default depth limit; an output embeds one in a few levels more. */
    private static final int MAX_DEPTH = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).maxNestingDepth(MAX_DEPTH).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private final String by;

    /** @param by who shortens, named in the marker ({@code collector}, {@code processor}) */
    public JsonShortener(String by) {
        this.by = by;
    }

    /** The marker that ends a string cut by this shortener. */
    public String marker(long removedBytes) {
        return MARKER_PREFIX + by + ": " + removedBytes + " bytes]";
    }

    /** The JSON value {@code json}, written in at most {@code maxBytes} bytes. */
    public byte[] shorten(byte[] json, int maxBytes) {
        if (json.length <= maxBytes) {
            return json;
        }
        JsonNode root = read(json);
        byte[] result = json;
        for (int round = 0; round < MAX_ROUNDS && result.length > maxBytes; round++) {
            cutLongestStrings(root, result.length - maxBytes);
            result = write(root);
        }
        long removed = 0;
        while (result.length > maxBytes && root instanceof ObjectNode object) {
            long cut = emptyASubtree(object, result.length - maxBytes);
            if (cut == 0) {
                break;
            }
            removed += cut;
            object.put(TRUNCATED_FIELD, marker(removed));
            result = write(root);
        }
        return result;
    }

    /** Removes about {@code excess} bytes (plus markers) from the longest strings, longest first. */
    private void cutLongestStrings(JsonNode root, long excess) {
        List<Slot> slots = new ArrayList<>();
        collectStrings(root, slots);
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
            slot.replace(kept + marker(removed));
            remaining -= removed;
        }
    }

    private static String keepStart(String text, int chars) {
        int end = chars > 0 && Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;
        return text.substring(0, end);
    }

    private static void collectStrings(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
                Member member = new Member(object, field.getKey());
                if (member.name.length() > KEEP_CHARS) {
                    slots.add(new Slot(member.name, member::rename));
                }
                if (field.getValue().isTextual()) {
                    slots.add(new Slot(field.getValue().textValue(), member::set));
                } else {
                    collectStrings(field.getValue(), slots);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                if (array.get(i).isTextual()) {
                    slots.add(new Slot(array.get(i).textValue(), value -> array.set(index, TextNode.valueOf(value))));
                } else {
                    collectStrings(array.get(i), slots);
                }
            }
        }
    }

    /** A field of an object; its name can be the long string, and both name and value may be cut. */
    private static final class Member {

        private final ObjectNode object;
        private String name;

        Member(ObjectNode object, String name) {
            this.object = object;
            this.name = name;
        }

        void set(String value) {
            object.put(name, value);
        }

        /** Renames in place, keeping the fields' order. */
        void rename(String to) {
            List<Map.Entry<String, JsonNode>> fields = List.copyOf(object.properties());
            object.removeAll();
            fields.forEach(field -> object.set(field.getKey().equals(name) ? to : field.getKey(), field.getValue()));
            name = to;
        }
    }

    /**
     * Empties the smallest subtree below the root whose removal covers {@code excess}, or the largest one
     * when none does; returns the bytes it held (0 when nothing is left to empty).
     */
    private static long emptyASubtree(ObjectNode root, long excess) {
        List<Subtree> subtrees = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getKey().equals(TRUNCATED_FIELD)) {
                measure(field.getValue(), subtrees);
            }
        }
        Subtree chosen = subtrees.stream().filter(s -> s.bytes() >= excess).min(Comparator.comparingLong(Subtree::bytes))
                .orElseGet(() -> subtrees.stream().max(Comparator.comparingLong(Subtree::bytes)).orElse(null));
        if (chosen == null || chosen.bytes() <= 2) {
            return 0;
        }
        chosen.node().removeAll();
        return chosen.bytes() - 2;
    }

    /** The serialized size of {@code node}, adding every non-empty container at or below it to {@code subtrees}. */
    private static long measure(JsonNode node, List<Subtree> subtrees) {
        long bytes;
        if (node instanceof ObjectNode object) {
            bytes = 2 + Math.max(0, object.size() - 1);
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                bytes += quoted(field.getKey()) + 1 + measure(field.getValue(), subtrees);
            }
        } else if (node instanceof ArrayNode array) {
            bytes = 2 + Math.max(0, array.size() - 1);
            for (JsonNode element : array) {
                bytes += measure(element, subtrees);
            }
        } else {
            return node.isTextual() ? quoted(node.textValue()) : node.toString().length();
        }
        if (!node.isEmpty()) {
            subtrees.add(new Subtree((ContainerNode<?>) node, bytes));
        }
        return bytes;
    }

    private static long quoted(String text) {
        return JsonStringEncoder.getInstance().quoteAsUTF8(text).length + 2L;
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Only JSON can be shortened", e);
        }
    }

    private static byte[] write(JsonNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Slot(String text, Consumer<String> replace) {
        void replace(String value) {
            replace.accept(value);
        }
    }

    private record Subtree(ContainerNode<?> node, long bytes) {
    }
}
