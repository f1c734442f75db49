package io.sessionfriction.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads generated transcripts back the way a strict consumer would: one JSON object per line, nothing after it. */
final class StrictTranscriptReader {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One line of a file: its 1-based number, its text, and the parsed object or null if it is not one. */
    record Line(int number, String text, JsonNode json) {
        boolean parsed() {
            return json != null;
        }

        String type() {
            return json.path("type").asText();
        }
    }

    private StrictTranscriptReader() {
    }

    static List<Path> jsonlFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    static List<Line> lines(Path file) {
        String text = read(file);
        String[] raw = text.split("\n", -1);
        int count = text.endsWith("\n") ? raw.length - 1 : raw.length;
        List<Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(new Line(i + 1, raw[i], parse(raw[i])));
        }
        return lines;
    }

    static List<JsonNode> objects(Path file) {
        return lines(file).stream().filter(Line::parsed).map(Line::json).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with the Bash progress of one file, empty if nothing: each bash_progress must name a Bash
     * tool_use of the file, number its updates bash-progress-0, 1, ... per command, count elapsed seconds up
     * from 2 by one, and chain its parentUuid to the previous line of the same command.
     */
    static List<String> bashProgressProblems(List<JsonNode> objects) {
        Set<String> bashToolUses = new HashSet<>();
        Map<String, JsonNode> previous = new HashMap<>();
        Map<String, String> uuidsSoFar = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode line : objects) {
            String type = line.path("type").asText();
            if (type.equals("assistant")) {
                JsonNode block = line.path("message").path("content").path(0);
                if (block.path("type").asText().equals("tool_use") && block.path("name").asText().equals("Bash")) {
                    bashToolUses.add(block.path("id").asText());
                }
            }
            if (type.equals("progress") && line.path("data").path("type").asText().equals("bash_progress")) {
                String command = line.path("parentToolUseID").asText();
                JsonNode before = previous.get(command);
                int sequence = before == null ? 0 : sequenceOf(before) + 1;
                int elapsed = line.path("data").path("elapsedTimeSeconds").asInt();
                if (!bashToolUses.contains(command)) {
                    problems.add(line.path("uuid").asText() + ": no Bash tool_use " + command + " before it");
                }
                if (!line.path("toolUseID").asText().equals("bash-progress-" + sequence)) {
                    problems.add(line.path("uuid").asText() + ": toolUseID " + line.path("toolUseID") + ", expected " + sequence);
                }
                if (elapsed != sequence + 2) {
                    problems.add(line.path("uuid").asText() + ": elapsed " + elapsed + " at update " + sequence);
                }
                if (before != null && !line.path("parentUuid").asText().equals(before.path("uuid").asText())) {
                    problems.add(line.path("uuid").asText() + ": parentUuid does not chain to the previous update");
                }
                if (before == null && !uuidsSoFar.containsKey(line.path("parentUuid").asText())) {
                    problems.add(line.path("uuid").asText() + ": first update's parent is not an earlier line");
                }
                previous.put(command, line);
            }
            if (line.hasNonNull("uuid")) {
                uuidsSoFar.put(line.path("uuid").asText(), type);
            }
        }
        return problems;
    }

    /** Every bash_progress line of the file, grouped by the Bash tool_use it belongs to. */
    static Map<String, List<JsonNode>> progressByCommand(List<JsonNode> objects) {
        Map<String, List<JsonNode>> byCommand = new HashMap<>();
        for (JsonNode line : objects) {
            if (line.path("data").path("type").asText().equals("bash_progress")) {
                byCommand.computeIfAbsent(line.path("parentToolUseID").asText(), id -> new ArrayList<>()).add(line);
            }
        }
        return byCommand;
    }

    private static int sequenceOf(JsonNode progress) {
        return Integer.parseInt(progress.path("toolUseID").asText().substring("bash-progress-".length()));
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = STRICT.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
