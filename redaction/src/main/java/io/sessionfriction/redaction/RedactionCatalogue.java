package io.sessionfriction.redaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The redaction rules in force: the shipped {@code rules/redaction-rules.yaml} (beside the friction
 * rules on the classpath), extended or overridden by id from an optional user file. A user rule with a
 * new id runs after the shipped ones; one with a shipped id changes only the fields it names and keeps
 * its place ({@code enabled: false} switches it off). Where two rules find the same text the one higher
 * up names it, so the specific token formats come first. Every problem is reported at once.
 */
public final class RedactionCatalogue {

    static final String DEFAULTS_RESOURCE = "/rules/redaction-rules.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> FIELDS = Arrays.stream(RedactionRuleDefinition.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private final List<RedactionRule> rules;

    private RedactionCatalogue(List<RedactionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The shipped rules only. */
    public static RedactionCatalogue defaults() {
        return load(Optional.empty());
    }

    /**
     * The shipped rules, merged with the user file if one is given.
     *
     * @throws IllegalArgumentException naming every invalid rule and field, one per line
     * @throws UncheckedIOException     if the user file cannot be read
     */
    public static RedactionCatalogue load(Optional<Path> userFile) {
        List<String> problems = new ArrayList<>();
        Map<String, ObjectNode> merged = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        URL shipped = Objects.requireNonNull(RedactionCatalogue.class.getResource(DEFAULTS_RESOURCE), DEFAULTS_RESOURCE);
        addRules("shipped " + DEFAULTS_RESOURCE, () -> YAML.readTree(shipped), merged, origins, problems);
        userFile.ifPresent(path -> addRules("user file " + path, () -> YAML.readTree(path.toFile()), merged, origins, problems));

        RedactionRuleValidator validator = new RedactionRuleValidator(problems);
        List<RedactionRule> rules = new ArrayList<>();
        merged.forEach((id, node) -> definition(node, "rule '" + id + "' (" + origins.get(id) + ")", problems)
                .filter(def -> !Boolean.FALSE.equals(def.enabled()))
                .flatMap(def -> validator.validate(def, origins.get(id)))
                .ifPresent(rules::add));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid redaction rule catalogue:\n  " + String.join("\n  ", problems));
        }
        return new RedactionCatalogue(rules);
    }

    public List<RedactionRule> rules() {
        return rules;
    }

    /** A YAML file read whole; its syntax errors are problems of the catalogue, not failures to read. */
    @FunctionalInterface
    private interface Source {
        JsonNode read() throws IOException;
    }

    /** Merges a file's rules into {@code merged}: a known id takes the fields the file names, a new id is appended. */
    private static void addRules(String origin, Source source, Map<String, ObjectNode> merged, Map<String, String> origins,
            List<String> problems) {
        JsonNode root;
        try {
            root = source.read();
        } catch (JsonProcessingException notYaml) {
            problems.add(origin + ": not valid YAML: " + notYaml.getOriginalMessage()
                    + (notYaml.getLocation() == null ? "" : " at line " + notYaml.getLocation().getLineNr()));
            return;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the redaction rules, " + origin + ": " + unreadable.getMessage(), unreadable);
        }
        if (root == null || !root.isObject() || !root.path("rules").isArray()) {
            problems.add(origin + ": expected a mapping whose field 'rules' is a list of rules");
            return;
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("rules")) {
                problems.add(origin + ": unknown top-level field '" + name + "' (expected rules)");
            }
        });
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < root.path("rules").size(); i++) {
            JsonNode rule = root.path("rules").get(i);
            String id = rule.path("id").asText("");
            if (!rule.isObject() || !rule.path("id").isTextual()) {
                problems.add("rule '#" + i + "' (" + origin + "): field 'id' is required");
            } else if (seen.contains(id)) {
                problems.add("rule '" + id + "' (" + origin + "): field 'id' is used twice in this file");
            } else {
                seen.add(id);
                merged.computeIfAbsent(id, known -> YAML.createObjectNode()).setAll((ObjectNode) rule);
                origins.merge(id, origin, (was, by) -> was + " overridden by " + by);
            }
        }
    }

    private static Optional<RedactionRuleDefinition> definition(ObjectNode node, String who, List<String> problems) {
        try {
            return Optional.of(YAML.treeToValue(node, RedactionRuleDefinition.class));
        } catch (UnrecognizedPropertyException unknown) {
            problems.add(who + ": unknown field '" + unknown.getPropertyName() + "' (known: " + FIELDS + ")");
        } catch (JsonMappingException bad) {
            String field = bad.getPath().isEmpty() ? "?" : bad.getPath().get(0).getFieldName();
            problems.add(who + ": field '" + field + "' has the wrong shape: " + bad.getOriginalMessage());
        } catch (JsonProcessingException bad) {
            problems.add(who + ": " + bad.getOriginalMessage());
        }
        return Optional.empty();
    }
}
