package io.sessionfriction.processor.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.sessionfriction.processor.event.EventKind;

/**
 * Turns a merged {@link RuleDefinition} into a {@link Rule}, or into problems that each name the rule,
 * where it came from and the field at fault, so a user can fix their file without reading code.
 */
final class RuleValidator {

    private static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String PATTERN_KEY = "pattern";

    private final List<String> problems;
    private final List<Integer> defaultEscalation;

    RuleValidator(List<String> problems, List<Integer> defaultEscalation) {
        this.problems = problems;
        this.defaultEscalation = defaultEscalation;
    }

    Optional<Rule> validate(RuleDefinition def, String origin) {
        Problems at = new Problems(def.id(), origin);
        if (def.id() == null || !KEBAB_ID.matcher(def.id()).matches()) {
            at.add("id", "'" + def.id() + "' must be kebab-case (a-z, 0-9, single dashes)");
        }
        String category = required(at, "category", def.category());
        String description = required(at, "description", def.description());
        String rootCause = required(at, "rootCause", def.rootCause());
        Severity severity = severity(at, def.severity());
        List<String> labels = labels(at, def.labels());
        List<MatchClause> match = matchClauses(at, def.match(), def.regex());
        Rule.Stateful stateful = stateful(at, def.stateful());
        if (def.match() == null && def.stateful() == null) {
            at.add("match", "a rule needs match clauses, a stateful pattern, or both");
        }
        List<FingerprintPart> fingerprint = fingerprint(at, def.fingerprint());
        List<Integer> escalateAt = escalation(at, "escalateAt", def.escalateAt() == null ? defaultEscalation : def.escalateAt());
        List<String> inhibits = def.inhibits() == null ? List.of() : def.inhibits();
        if (inhibits.stream().anyMatch(id -> id == null || id.isBlank())) {
            at.add("inhibits", "contains an empty rule id");
        }
        if (at.any()) {
            return Optional.empty();
        }
        return Optional.of(new Rule(def.id(), category, severity, labels, description, rootCause, match,
                stateful, fingerprint, escalateAt, Boolean.TRUE.equals(def.iteration()), inhibits));
    }

    /** Checks the catalogue-wide default thresholds; returns them if usable. */
    List<Integer> escalation(String origin, List<Integer> thresholds) {
        return escalation(new Problems(null, origin), "escalateAt", thresholds);
    }

    private String required(Problems at, String field, String value) {
        if (value == null || value.isBlank()) {
            at.add(field, "is required");
        }
        return value;
    }

    private Severity severity(Problems at, String value) {
        if (value == null) {
            at.add("severity", "is required (one of low, medium, high, critical)");
            return null;
        }
        return Severity.parse(value).orElseGet(() -> {
            at.add("severity", "'" + value + "' is not one of low, medium, high, critical");
            return null;
        });
    }

    private List<String> labels(Problems at, List<String> labels) {
        if (labels == null) {
            return List.of();
        }
        if (labels.stream().anyMatch(l -> l == null || l.isBlank())) {
            at.add("labels", "contains an empty label");
        }
        return labels;
    }

    private List<MatchClause> matchClauses(Problems at, List<RuleDefinition.MatchDefinition> definitions, String ruleRegex) {
        if (definitions == null) {
            return List.of();
        }
        List<MatchClause> clauses = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            matchClause(at, "match[" + i + "]", definitions.get(i), ruleRegex).ifPresent(clauses::add);
        }
        return clauses;
    }

    private Optional<MatchClause> matchClause(Problems at, String where, RuleDefinition.MatchDefinition def,
            String ruleRegex) {
        int before = at.count();
        Set<EventKind> kinds = new LinkedHashSet<>();
        for (String kind : def.kinds() == null ? List.<String>of() : def.kinds()) {
            eventKind(kind).ifPresentOrElse(kinds::add, () -> at.add(where + ".kinds",
                    "'" + kind + "' is not an event kind (" + Arrays.toString(EventKind.values()) + ")"));
        }
        EventField field = field(at, where + ".field", def.field());
        RuleRegex regex = def.regex() != null ? regex(at, where + ".regex", def.regex())
                : regex(at, "regex", ruleRegex);
        List<MatchClause.Condition> when = conditions(at, where + ".when", def.when());
        List<MatchClause.Condition> unless = conditions(at, where + ".unless", def.unless());
        if (at.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new MatchClause(kinds, def.tools() == null ? Set.of() : Set.copyOf(def.tools()), field, regex, when, unless));
    }

    private List<MatchClause.Condition> conditions(Problems at, String where, List<RuleDefinition.ConditionDefinition> definitions) {
        List<MatchClause.Condition> conditions = new ArrayList<>();
        List<RuleDefinition.ConditionDefinition> written = definitions == null ? List.of() : definitions;
        for (int i = 0; i < written.size(); i++) {
            String condition = where + "[" + i + "]";
            EventField conditionField = field(at, condition + ".field", written.get(i).field());
            RuleRegex conditionRegex = regex(at, condition + ".regex", written.get(i).regex());
            conditions.add(new MatchClause.Condition(conditionField, conditionRegex));
        }
        return conditions;
    }

    private EventField field(Problems at, String where, String spec) {
        if (spec == null) {
            at.add(where, "is required (" + EventField.namedFields() + ")");
            return null;
        }
        return EventField.parse(spec).orElseGet(() -> {
            at.add(where, "'" + spec + "' is not one of " + EventField.namedFields());
            return null;
        });
    }

    private static Optional<EventKind> eventKind(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(EventKind.values()).filter(k -> k.name().equals(name)).findFirst();
    }

    private RuleRegex regex(Problems at, String field, String regex) {
        if (regex == null || regex.isEmpty()) {
            at.add(field, "is required");
            return null;
        }
        try {
            return RuleRegex.of(Pattern.compile(regex, RuleRegex.FLAGS));
        } catch (PatternSyntaxException bad) {
            at.add(field, "does not compile: " + bad.getDescription() + " near index " + bad.getIndex());
            return null;
        }
    }

    private Rule.Stateful stateful(Problems at, Map<String, Object> def) {
        if (def == null) {
            return null;
        }
        Object name = def.get(PATTERN_KEY);
        Optional<StatefulPattern> pattern = name instanceof String text ? StatefulPattern.parse(text) : Optional.empty();
        if (pattern.isEmpty()) {
            at.add("stateful.pattern", "'" + name + "' is not one of " + Arrays.stream(StatefulPattern.values())
                    .map(StatefulPattern::label).toList());
            return null;
        }
        Map<String, Integer> overrides = new LinkedHashMap<>();
        def.forEach((key, value) -> {
            if (key.equals(PATTERN_KEY)) {
                return;
            }
            if (!pattern.get().defaults().containsKey(key)) {
                at.add("stateful." + key, "is not a threshold of " + pattern.get().label()
                        + " (" + pattern.get().defaults().keySet() + ")");
            } else if (!(value instanceof Integer number) || number <= 0) {
                at.add("stateful." + key, "'" + value + "' must be a positive whole number");
            } else {
                overrides.put(key, number);
            }
        });
        return new Rule.Stateful(pattern.get(), pattern.get().withOverrides(overrides));
    }

    private List<FingerprintPart> fingerprint(Problems at, List<String> parts) {
        if (parts == null || parts.isEmpty()) {
            return List.of(FingerprintPart.EXCERPT);
        }
        List<FingerprintPart> parsed = new ArrayList<>();
        for (String part : parts) {
            FingerprintPart.parse(part == null ? "" : part).ifPresentOrElse(parsed::add, () -> at.add("fingerprint",
                    "'" + part + "' is not one of " + Arrays.stream(FingerprintPart.values()).map(FingerprintPart::label).toList()));
        }
        return parsed;
    }

    private List<Integer> escalation(Problems at, String field, List<Integer> thresholds) {
        if (thresholds == null || thresholds.isEmpty()) {
            at.add(field, "needs at least one count");
            return List.of();
        }
        for (int i = 0; i < thresholds.size(); i++) {
            Integer t = thresholds.get(i);
            if (t == null || t <= 0 || (i > 0 && t <= thresholds.get(i - 1))) {
                at.add(field, thresholds + " must be positive counts in increasing order");
                return List.of();
            }
        }
        return thresholds;
    }

    /** Problems of one rule; each message names rule, origin and field. */
    private final class Problems {
        private final String ruleId;
        private final String origin;
        private int count;

        Problems(String ruleId, String origin) {
            this.ruleId = ruleId;
            this.origin = origin;
        }

        void add(String field, String message) {
            String who = ruleId == null ? origin : "rule '" + ruleId + "' (" + origin + ")";
            problems.add(who + ": field '" + field + "' " + message);
            count++;
        }

        int count() {
            return count;
        }

        boolean any() {
            return count > 0;
        }
    }
}
