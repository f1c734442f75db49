package io.sessionfriction.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The redaction rules in force: the shipped {@code rules/redaction-rules.yaml} (beside the friction
 * rules on the classpath), extended or overridden by id from an optional user file. A user rule with a
 * new id runs after the shipped ones; one with a shipped id changes only the fields it names and keeps
 * its place ({@code enabled: false} switches it off). Rules run in this order, so the specific token
 * formats name a secret before the generic assignment rules see it. Every problem is reported at once.
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
     * @throws RedactionCatalogueException naming every invalid rule and field
     * @throws UncheckedIOException        if the user file cannot be read
     */
    public static RedactionCatalogue load(Optional<Path> userFile) {
        List<String> problems = new ArrayList<>();
        Map<String, RedactionRuleDefinition> merged = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        String shipped = "shipped " + DEFAULTS_RESOURCE;
        for (RedactionRuleDefinition def : definitions(resource(), shipped, problems)) {
            merged.put(def.id(), def);
            origins.put(def.id(), shipped);
        }
        userFile.ifPresent(path -> {
            String user = "user file " + path;
            for (RedactionRuleDefinition def : definitions(file(path), user, problems)) {
                merged.merge(def.id(), def, RedactionRuleDefinition::overriddenBy);
                origins.merge(def.id(), user, (was, by) -> was + " overridden by " + by);
            }
        });
        RedactionRuleValidator validator = new RedactionRuleValidator(problems);
        List<RedactionRule> rules = new ArrayList<>();
        merged.values().stream()
                .filter(def -> !Boolean.FALSE.equals(def.enabled()))
                .forEach(def -> validator.validate(def, origins.get(def.id())).ifPresent(rules::add));
        if (!problems.isEmpty()) {
            throw new RedactionCatalogueException(problems);
        }
        return new RedactionCatalogue(rules);
    }

    public List<RedactionRule> rules() {
        return rules;
    }

    /** The kinds the rules can name, in rule order, each once. */
    public List<String> kinds() {
        return rules.stream().map(RedactionRule::kind).distinct().toList();
    }

    private static List<RedactionRuleDefinition> definitions(String yaml, String origin, List<String> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException bad) {
            problems.add(origin + ": not valid YAML: " + bad.getOriginalMessage()
                    + (bad.getLocation() == null ? "" : " at line " + bad.getLocation().getLineNr()));
            return List.of();
        }
        if (root == null || !root.isObject() || !root.path("rules").isArray()) {
            problems.add(origin + ": expected a mapping whose field 'rules' is a list of rules");
            return List.of();
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("rules")) {
                problems.add(origin + ": unknown top-level field '" + name + "' (expected rules)");
            }
        });
        List<RedactionRuleDefinition> definitions = new ArrayList<>();
        JsonNode list = root.path("rules");
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String who = "rule '" + node.path("id").asText("#" + i) + "' (" + origin + ")";
            Optional<RedactionRuleDefinition> def = definition(node, who, problems);
            if (def.isPresent() && definitions.stream().anyMatch(known -> known.id().equals(def.get().id()))) {
                problems.add(who + ": field 'id' is used twice in this file");
            } else {
                def.ifPresent(definitions::add);
            }
        }
        return definitions;
    }

    private static Optional<RedactionRuleDefinition> definition(JsonNode node, String who, List<String> problems) {
        if (!node.path("id").isTextual()) {
            problems.add(who + ": field 'id' is required");
            return Optional.empty();
        }
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

    private static String resource() {
        try (InputStream in = RedactionCatalogue.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String file(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read redaction rule file " + path, e);
        }
    }
}
