package io.sessionfriction.processor.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Known fixes (analysis mistake 4 in docs/architecture.md): an alert from a session that started before a
 * matching fix is not news, it goes to {@code friction-alerts-suppressed} with the fix's reference.
 * The YAML file is a list of {@code {rule, pattern, fixedAt, reference}}; empty when no file is given.
 */
public final class FixesRegistry {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> FIELDS = List.of("rule", "pattern", "fixedAt", "reference");

    private final List<Fix> fixes;

    public FixesRegistry(List<Fix> fixes) {
        this.fixes = List.copyOf(fixes);
    }

    public static FixesRegistry empty() {
        return new FixesRegistry(List.of());
    }

    /**
     * @throws IllegalArgumentException naming each invalid entry and field
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static FixesRegistry load(Optional<Path> file) {
        if (file.isEmpty()) {
            return empty();
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.get().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixes file " + file.get(), e);
        }
        List<String> problems = new ArrayList<>();
        List<Fix> fixes = new ArrayList<>();
        if (root != null && !root.isArray()) {
            problems.add("expected a list of fixes");
        }
        for (int i = 0; root != null && root.isArray() && i < root.size(); i++) {
            parse(root.get(i), "fix #" + (i + 1), problems).ifPresent(fixes::add);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid fixes file " + file.get() + ":\n  " + String.join("\n  ", problems));
        }
        return new FixesRegistry(fixes);
    }

    public List<Fix> fixes() {
        return fixes;
    }

    /** The first fix that suppresses this alert, if any. */
    public Optional<Fix> suppressing(FrictionAlert alert) {
        return fixes.stream().filter(fix -> fix.suppresses(alert)).findFirst();
    }

    private static Optional<Fix> parse(JsonNode node, String where, List<String> problems) {
        int before = problems.size();
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(where + ": unknown field '" + name + "' (expected " + FIELDS + ")");
            }
        });
        String rule = text(node, "rule");
        String reference = text(node, "reference");
        Pattern pattern = null;
        if (text(node, "pattern") != null) {
            try {
                pattern = Pattern.compile(text(node, "pattern"), Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException bad) {
                problems.add(where + ": field 'pattern' does not compile: " + bad.getDescription());
            }
        }
        if (rule == null && text(node, "pattern") == null) {
            problems.add(where + ": needs 'rule', 'pattern' or both");
        }
        if (reference == null) {
            problems.add(where + ": field 'reference' is required (an issue, PR or release)");
        }
        Instant fixedAt = null;
        try {
            fixedAt = Instant.parse(String.valueOf(text(node, "fixedAt")));
        } catch (DateTimeParseException bad) {
            problems.add(where + ": field 'fixedAt' must be an ISO-8601 instant such as 2026-02-01T00:00:00Z, got '"
                    + text(node, "fixedAt") + "'");
        }
        return problems.size() > before ? Optional.empty() : Optional.of(new Fix(rule, pattern, fixedAt, reference));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
