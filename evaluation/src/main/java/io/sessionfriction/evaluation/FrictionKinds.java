package io.sessionfriction.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The kinds labels may name ({@code friction-kinds.yaml}): friction kinds with the rules that report
 * each, and the kinds of lines that look like friction but are not.
 */
public final class FrictionKinds {

    static final String RESOURCE = "/friction-kinds.yaml";

    private final Map<String, List<String>> rulesByKind;
    private final Set<String> notFriction;

    private FrictionKinds(Map<String, List<String>> rulesByKind, Set<String> notFriction) {
        this.rulesByKind = Collections.unmodifiableMap(new LinkedHashMap<>(rulesByKind));
        this.notFriction = Collections.unmodifiableSet(new TreeSet<>(notFriction));
    }

    public static FrictionKinds shipped() {
        try (InputStream in = FrictionKinds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, List<String>> rules = new LinkedHashMap<>();
            root.path("friction").fields().forEachRemaining(kind -> {
                List<String> ids = new ArrayList<>();
                kind.getValue().path("rules").forEach(id -> ids.add(id.asText()));
                rules.put(kind.getKey(), List.copyOf(ids));
            });
            Set<String> not = new TreeSet<>();
            root.path("notFriction").fieldNames().forEachRemaining(not::add);
            return new FrictionKinds(rules, not);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public boolean isFriction(String kind) {
        return rulesByKind.containsKey(kind);
    }

    public boolean isNotFriction(String kind) {
        return notFriction.contains(kind);
    }

    /** The friction kinds, in the file's order. */
    public List<String> frictionKinds() {
        return List.copyOf(rulesByKind.keySet());
    }

    /** The rules that report friction of this kind. */
    public List<String> rulesOf(String kind) {
        return rulesByKind.getOrDefault(kind, List.of());
    }

    /** The friction kinds a rule reports. */
    public List<String> kindsOf(String rule) {
        return rulesByKind.entrySet().stream().filter(e -> e.getValue().contains(rule)).map(Map.Entry::getKey).toList();
    }
}
