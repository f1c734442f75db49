package io.sessionfriction.processor.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule as written in YAML, before validation: every field may be missing, so that a user file can
 * override a shipped rule field by field (only what it names changes).
 */
record RuleDefinition(
        String id,
        String category,
        String severity,
        List<String> labels,
        String description,
        String rootCause,
        String regex,
        List<MatchDefinition> match,
        Map<String, Object> stateful,
        List<String> fingerprint,
        List<Integer> escalateAt,
        Boolean enabled,
        Boolean iteration,
        List<String> inhibits) {

    /** One match clause as written; without a regex it uses the rule's. */
    record MatchDefinition(List<String> kinds, List<String> tools, String field, String regex, List<ConditionDefinition> when,
                           List<ConditionDefinition> unless) {
    }

    /** A condition: its regex found in its field (all of {@code when} must hold; none of {@code unless} may). */
    record ConditionDefinition(String field, String regex) {
    }

    /** This definition with every field the override names replaced; stateful thresholds merge key by key. */
    RuleDefinition overriddenBy(RuleDefinition override) {
        return new RuleDefinition(
                id,
                pick(override.category, category),
                pick(override.severity, severity),
                pick(override.labels, labels),
                pick(override.description, description),
                pick(override.rootCause, rootCause),
                pick(override.regex, regex),
                pick(override.match, match),
                mergeStateful(stateful, override.stateful),
                pick(override.fingerprint, fingerprint),
                pick(override.escalateAt, escalateAt),
                pick(override.enabled, enabled),
                pick(override.iteration, iteration),
                pick(override.inhibits, inhibits));
    }

    private static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }

    private static Map<String, Object> mergeStateful(Map<String, Object> base, Map<String, Object> override) {
        if (base == null || override == null) {
            return pick(override, base);
        }
        Map<String, Object> merged = new LinkedHashMap<>(base);
        merged.putAll(override);
        return merged;
    }
}
