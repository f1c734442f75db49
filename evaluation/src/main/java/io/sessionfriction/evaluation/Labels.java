package io.sessionfriction.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A labelled set: for each transcript file (relative to its sessions root), the lines a careful reader
 * marked friction and those that look like friction but are not. YAML:
 * <pre>
 * files:
 *   alice/2026-02-09_3a60….jsonl:
 *     - {line: 7, uuid: 132b06a2-…, friction: python-env, why: "…"}
 *     - {line: 9, uuid: …, notFriction: normal-iteration, why: "…"}
 * </pre>
 * Every problem is reported at once, naming the file and entry.
 */
public final class Labels {

    private final Map<String, List<Label>> byFile;

    private Labels(Map<String, List<Label>> byFile) {
        this.byFile = Map.copyOf(byFile);
    }

    public static Labels read(Path yaml, FrictionKinds kinds) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the labels " + yaml + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        Map<String, List<Label>> byFile = new TreeMap<>();
        if (root == null || !root.path("files").isObject()) {
            throw new IllegalArgumentException(yaml + ": expected a mapping 'files' of transcript path to labels");
        }
        root.path("files").fields().forEachRemaining(file -> {
            List<Label> labels = new ArrayList<>();
            int index = 0;
            for (JsonNode entry : file.getValue()) {
                String where = yaml + ": " + file.getKey() + " entry " + index++;
                parse(entry, file.getKey(), where, kinds, problems).ifPresent(labels::add);
            }
            byFile.put(file.getKey(), List.copyOf(labels));
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid labels:\n  " + String.join("\n  ", problems));
        }
        return new Labels(byFile);
    }

    private static Optional<Label> parse(JsonNode entry, String file, String where, FrictionKinds kinds,
            List<String> problems) {
        String uuid = entry.path("uuid").asText("");
        boolean friction = entry.has("friction");
        String kind = entry.path(friction ? "friction" : "notFriction").asText("");
        if (uuid.isEmpty()) {
            problems.add(where + ": 'uuid' is required");
        }
        if (friction == entry.has("notFriction")) {
            problems.add(where + ": exactly one of 'friction' and 'notFriction' is required");
        } else if (friction ? !kinds.isFriction(kind) : !kinds.isNotFriction(kind)) {
            problems.add(where + ": '" + kind + "' is not a " + (friction ? "friction" : "notFriction") + " kind of "
                    + FrictionKinds.RESOURCE);
        }
        if (!entry.path("line").canConvertToInt()) {
            problems.add(where + ": 'line' (the 1-based line number) is required");
        }
        if (problems.stream().anyMatch(p -> p.startsWith(where))) {
            return Optional.empty();
        }
        return Optional.of(new Label(file, entry.path("line").asInt(), uuid, friction, kind, entry.path("why").asText("")));
    }

    /** The labelled files, relative to the sessions root. */
    public List<String> files() {
        return List.copyOf(byFile.keySet());
    }

    public List<Label> of(String file) {
        return byFile.getOrDefault(file, List.of());
    }

    public List<Label> all() {
        return byFile.values().stream().flatMap(List::stream).toList();
    }
}
