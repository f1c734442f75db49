package io.sessionfriction.topology.fuzz;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aCompactBoundary;
import static io.sessionfriction.topology.TranscriptLines.aFileHistorySnapshot;
import static io.sessionfriction.topology.TranscriptLines.aQueueOperation;
import static io.sessionfriction.topology.TranscriptLines.aSummary;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anApiError;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.topology.TranscriptLines;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Transcript lines as a fuzzer writes them: realistic lines of every kind, then the same with wrong types
 * in their fields, fields missing, timestamps far in the past or future or not timestamps at all, numbers
 * as strings, huge strings (in values, ids and field names), deep nesting, invalid UTF-8, NUL and control
 * bytes, two objects glued, and plain garbage. One seed always gives the same lines.
 */
final class HostileLines {

    /** Writes deeper than a parser reads by default: lines nested past Jackson's limit must reach the pipeline. */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder().maxNestingDepth(5000).build())
            .build());
    private static final String[] TIMESTAMPS = {"0001-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z",
        "2999-01-01T00:00:00Z", "+100000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z",
        "2026-02-30T10:00:00Z", "2026-02-11T20:00:00+05:00", "2026-02-11", "", "now", "1770840000000"};
    /** Fields the pipeline reads, where a wrong type or a huge value would hurt most. */
    private static final String[][] PATHS = {{"timestamp"}, {"uuid"}, {"type"}, {"sessionId"}, {"cwd"}, {"parentUuid"},
        {"message"}, {"message", "content"}, {"message", "content", "0"}, {"message", "content", "0", "id"},
        {"message", "content", "0", "tool_use_id"}, {"message", "content", "0", "is_error"}, {"message", "content", "0", "content"},
        {"message", "content", "0", "input"}, {"message", "content", "0", "input", "command"}, {"message", "content", "0", "name"},
        {"toolUseResult"}, {"toolUseResult", "stdout"}, {"toolUseResult", "interrupted"}, {"data"}, {"data", "type"},
        {"data", "elapsedTimeSeconds"}, {"data", "fullOutput"}, {"parentToolUseID"}, {"toolUseID"}, {"subtype"},
        {"error"}, {"error", "status"}, {"compactMetadata"}, {"isCompactSummary"}, {"summary"}, {"content"}};
    private static final int[] BAD_BYTES = {0x00, 0x01, 0x07, 0x1b, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf8, 0xff,
        '\r', '\t', '"', '\\', '{', '}', '[', ']', ',', ':'};

    private final Random random;
    private final List<String> toolIds = new ArrayList<>();
    private int step;

    HostileLines(long seed) {
        this.random = new Random(seed);
    }

    /** The next line, as the bytes of a file without its newline. */
    byte[] next() {
        step++;
        Line line = realistic();
        int kind = random.nextInt(100);
        if (kind < 25) {
            return utf8(line.json());
        }
        if (kind < 42) {
            return utf8(write(set(line.node(), pick(PATHS), randomValue(2))));
        }
        if (kind < 50) {
            ObjectNode node = line.node();
            for (String field : List.of("uuid", "timestamp", "sessionId", "type", "message", "toolUseResult", "data")) {
                if (random.nextInt(3) == 0) {
                    node.remove(field);
                }
            }
            return utf8(write(node));
        }
        if (kind < 58) {
            ObjectNode node = line.node();
            node.put("timestamp", TIMESTAMPS[random.nextInt(TIMESTAMPS.length)]);
            return utf8(write(node));
        }
        if (kind < 63) {
            ObjectNode node = line.node();
            set(node, new String[] {"data", "elapsedTimeSeconds"}, JSON.valueToTree("12"));
            set(node, new String[] {"message", "content", "0", "is_error"}, JSON.valueToTree("true"));
            return utf8(write(node));
        }
        if (kind < 69) {
            return utf8(write(huge(line.node())));
        }
        if (kind < 74) {
            return utf8(write(set(line.node(), pick(PATHS), deep(500 + random.nextInt(700)))));
        }
        if (kind < 86) {
            return mutateBytes(utf8(line.json()));
        }
        if (kind < 91) {
            return utf8(line.json() + realistic().json());
        }
        return garbage();
    }

    private Line realistic() {
        java.time.Instant at = TranscriptLines.T0.plus(Duration.ofSeconds(7L * step));
        String known = toolIds.isEmpty() ? "toolu_unknown" : toolIds.get(random.nextInt(toolIds.size()));
        Line line = switch (random.nextInt(11)) {
            case 0 -> aUserPrompt("why does the export still fail " + step);
            case 1, 2 -> {
                Line use = aBashToolUse("psql -f load_" + random.nextInt(3) + ".sql");
                toolIds.add(use.toolUseId());
                yield use;
            }
            case 3 -> aToolResult(known, "COPY 12");
            case 4 -> aBashError(known, 1, "psql: error: Permission denied");
            case 5 -> aBashProgress(known).elapsed(2 + random.nextInt(200));
            case 6 -> anAssistantText("Done " + step);
            case 7 -> anApiError(529);
            case 8 -> aCompactBoundary();
            case 9 -> random.nextBoolean() ? aSummary("A title") : aFileHistorySnapshot();
            default -> aQueueOperation("<task-notification>" + step + "</task-notification>");
        };
        // Some lines come again (a resumed file), some keep their uuid with other content.
        return random.nextInt(20) == 0 ? line : line.at(at);
    }

    private ObjectNode huge(ObjectNode node) {
        String big = "x\u00e9\u2713".repeat(40_000 + random.nextInt(200_000));
        switch (random.nextInt(4)) {
            case 0 -> node.put("huge-name-" + big.substring(0, 60_000), 1);
            case 1 -> node.put("uuid", big);
            default -> set(node, pick(PATHS), JSON.valueToTree(big));
        }
        return node;
    }

    private JsonNode deep(int depth) {
        JsonNode value = JSON.valueToTree("bottom");
        for (int i = 0; i < depth; i++) {
            if (random.nextBoolean()) {
                ArrayNode array = JSON.createArrayNode();
                array.add(value);
                value = array;
            } else {
                ObjectNode object = JSON.createObjectNode();
                object.set("a", value);
                value = object;
            }
        }
        return value;
    }

    private JsonNode randomValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.valueToTree(random.nextBoolean());
            case 2 -> JSON.valueToTree(random.nextLong());
            case 3 -> JSON.valueToTree(random.nextDouble() * 1e300);
            case 4 -> JSON.valueToTree("s" + random.nextInt());
            case 5 -> JSON.valueToTree("");
            case 6 -> {
                ArrayNode array = JSON.createArrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.createObjectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("k" + i, randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    /** Sets the value at {@code path}, creating objects on the way and replacing what is not an object. */
    private static ObjectNode set(ObjectNode root, String[] path, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = child(node, path[i]);
            if (child == null || !child.isContainerNode()) {
                child = JSON.createObjectNode();
                put(node, path[i], child);
            }
            node = child;
        }
        put(node, path[path.length - 1], value);
        return root;
    }

    private static JsonNode child(JsonNode node, String name) {
        return node.isArray() ? (name.matches("\\d+") ? node.get(Integer.parseInt(name)) : null) : node.get(name);
    }

    private static void put(JsonNode node, String name, JsonNode value) {
        if (node instanceof ObjectNode object) {
            object.set(name, value);
        } else if (node instanceof ArrayNode array) {
            if (array.isEmpty() || !name.matches("\\d+")) {
                array.add(value);
            } else {
                array.set(Math.min(Integer.parseInt(name), array.size() - 1), value);
            }
        }
    }

    private byte[] mutateBytes(byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + 8);
        int edits = 1 + random.nextInt(4);
        int[] at = new int[edits];
        for (int i = 0; i < edits; i++) {
            at[i] = random.nextInt(line.length);
        }
        java.util.Arrays.sort(at);
        int next = 0;
        for (int i = 0; i < line.length; i++) {
            while (next < edits && at[next] == i) {
                int edit = random.nextInt(3);
                if (edit < 2) {
                    out.write(BAD_BYTES[random.nextInt(BAD_BYTES.length)]);
                }
                next++;
                if (edit == 1) {
                    i++;                                              // replaced, not inserted
                }
            }
            if (i < line.length) {
                out.write(line[i]);
            }
        }
        return out.toByteArray();
    }

    private byte[] garbage() {
        return switch (random.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> utf8("   \t ");
            case 2 -> utf8(List.of("[]", "1", "\"x\"", "null", "true", "{}", "{\"a\":").get(random.nextInt(7)));
            case 3 -> utf8(Map.of("type", "attachment", "x", step).toString());
            default -> {
                byte[] bytes = new byte[1 + random.nextInt(300)];
                random.nextBytes(bytes);
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = bytes[i] == '\n' ? (byte) ' ' : bytes[i];
                }
                yield bytes;
            }
        };
    }

    private String[] pick(String[][] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
