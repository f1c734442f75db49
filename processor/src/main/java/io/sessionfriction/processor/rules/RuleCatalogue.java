package io.sessionfriction.processor.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The friction rules in force: the shipped {@code rules/default-rules.yaml}, extended or overridden by
 * id from an optional user file. A user rule with a new id is added; one with a shipped id changes only
 * the fields it names ({@code enabled: false} switches a rule off). Everything is validated at load
 * time, and all problems are reported at once.
 */
public final class RuleCatalogue {

    static final String DEFAULTS_RESOURCE = "/rules/default-rules.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Rule> rules;
    private final Map<String, Rule> byId;

    private RuleCatalogue(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Rule> index = new LinkedHashMap<>();
        rules.forEach(rule -> index.put(rule.id(), rule));
        this.byId = Map.copyOf(index);
    }

    /** The shipped rules only. */
    public static RuleCatalogue defaults() {
        return load(Optional.empty());
    }

    /**
     * The shipped rules, merged with the user file if one is given.
     *
     * @throws RuleCatalogueException naming every invalid rule and field
     * @throws UncheckedIOException   if the user file cannot be read
     */
    public static RuleCatalogue load(Optional<Path> userFile) {
        List<String> problems = new ArrayList<>();
        CatalogueFile shipped = parse(readDefaults(), "shipped " + DEFAULTS_RESOURCE, problems);
        Optional<CatalogueFile> user = userFile.map(path -> parse(read(path), "user file " + path, problems));
        throwIf(problems);

        RuleValidator validator = new RuleValidator(problems, List.of());
        CatalogueFile escalationSource = user.filter(u -> u.escalateAt() != null).orElse(shipped);
        List<Integer> escalateAt = validator.escalation(escalationSource.origin(), escalationSource.escalateAt());
        throwIf(problems);

        Map<String, RuleDefinition> merged = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        shipped.rules().forEach(def -> {
            merged.put(def.id(), def);
            origins.put(def.id(), shipped.origin());
        });
        user.ifPresent(file -> file.rules().forEach(def -> {
            merged.merge(def.id(), def, RuleDefinition::overriddenBy);
            origins.merge(def.id(), file.origin(), (was, by) -> was + " overridden by " + by);
        }));

        RuleValidator rulesValidator = new RuleValidator(problems, escalateAt);
        List<Rule> rules = new ArrayList<>();
        merged.forEach((id, def) -> {
            if (!Boolean.FALSE.equals(def.enabled())) {
                rulesValidator.validate(def, origins.get(id)).ifPresent(rules::add);
            }
        });
        // A rule may silence a switched-off one (nothing to do then), never one that does not exist.
        rules.forEach(rule -> rule.inhibits().stream().filter(other -> !merged.containsKey(other)).forEach(other ->
                problems.add("rule '" + rule.id() + "' (" + origins.get(rule.id()) + "): field 'inhibits' names '" + other
                        + "', which is not a rule")));
        rules.forEach(rule -> rules.stream().filter(other -> rule.inhibits(other.id()) && other.inhibits(rule.id())
                && rule.id().compareTo(other.id()) < 0).forEach(other -> problems.add("rules '" + rule.id() + "' and '"
                + other.id() + "' inhibit each other: on a line both match, neither would alert")));
        throwIf(problems);
        return new RuleCatalogue(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The same rules, emitted and re-emitted when their count reaches each of {@code counts} instead of
     * their own thresholds: which alerts exist does not change, only how many records show them (the
     * evaluation re-emits at every count, so each occurrence is a record).
     */
    public RuleCatalogue emittingAt(List<Integer> counts) {
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) <= 0 || i > 0 && counts.get(i) <= counts.get(i - 1)) {
                throw new IllegalArgumentException("escalation counts must be positive and increasing: " + counts);
            }
        }
        return new RuleCatalogue(rules.stream().map(r -> new Rule(r.id(), r.category(), r.severity(), r.labels(), r.description(),
                r.rootCause(), r.match(), r.stateful(), r.fingerprint(), counts, r.iteration(), r.inhibits())).toList());
    }

    /** The rules that match single lines (have match clauses). */
    public List<Rule> lineRules() {
        return rules.stream().filter(rule -> !rule.match().isEmpty()).toList();
    }

    /** A catalogue file: default escalation thresholds and rule definitions, as parsed. */
    private record CatalogueFile(String origin, List<Integer> escalateAt, List<RuleDefinition> rules) {
    }

    private static CatalogueFile parse(String yaml, String origin, List<String> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException bad) {
            problems.add(origin + ": not valid YAML: " + bad.getOriginalMessage()
                    + (bad.getLocation() == null ? "" : " at line " + bad.getLocation().getLineNr()));
            return new CatalogueFile(origin, null, List.of());
        }
        if (root == null || !root.isObject()) {
            problems.add(origin + ": expected a mapping with 'rules' (and optionally 'escalateAt')");
            return new CatalogueFile(origin, null, List.of());
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("rules") && !name.equals("escalateAt")) {
                problems.add(origin + ": unknown top-level field '" + name + "' (expected rules, escalateAt)");
            }
        });
        List<Integer> escalateAt = null;
        if (root.has("escalateAt")) {
            try {
                escalateAt = Arrays.asList(YAML.treeToValue(root.get("escalateAt"), Integer[].class));
            } catch (JsonProcessingException bad) {
                problems.add(origin + ": field 'escalateAt' must be a list of whole numbers");
            }
        }
        List<RuleDefinition> rules = new ArrayList<>();
        JsonNode list = root.path("rules");
        if (!list.isArray()) {
            problems.add(origin + ": field 'rules' must be a list");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            ruleDefinition(list.get(i), origin, i, problems).ifPresent(def -> {
                if (ids.add(def.id())) {
                    rules.add(def);
                } else {
                    problems.add("rule '" + def.id() + "' (" + origin + "): field 'id' is used twice in this file");
                }
            });
        }
        return new CatalogueFile(origin, escalateAt, rules);
    }

    private static Optional<RuleDefinition> ruleDefinition(JsonNode node, String origin, int index, List<String> problems) {
        String who = "rule '" + node.path("id").asText("#" + index) + "' (" + origin + ")";
        if (!node.hasNonNull("id")) {
            problems.add(who + ": field 'id' is required");
            return Optional.empty();
        }
        try {
            return Optional.of(YAML.treeToValue(node, RuleDefinition.class));
        } catch (UnrecognizedPropertyException unknown) {
            problems.add(who + ": unknown field '" + unknown.getPropertyName() + "'");
        } catch (JsonMappingException bad) {
            String field = bad.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b);
            problems.add(who + ": field '" + field + "' has the wrong shape: " + bad.getOriginalMessage());
        } catch (JsonProcessingException bad) {
            problems.add(who + ": " + bad.getOriginalMessage());
        }
        return Optional.empty();
    }

    private static void throwIf(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new RuleCatalogueException(problems);
        }
    }

    private static String readDefaults() {
        try (InputStream in = RuleCatalogue.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + path, e);
        }
    }
}
