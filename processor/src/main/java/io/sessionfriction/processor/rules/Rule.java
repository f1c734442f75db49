package io.sessionfriction.processor.rules;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * A validated friction rule. It matches single lines through its {@code match} clauses (any one
 * suffices), and/or a {@code stateful} pattern the alert stage tracks; occurrences with equal
 * {@code fingerprint} in one session are one alert, re-emitted when its count reaches {@code escalateAt}.
 *
 * @param description what the friction is, for people reading alerts and reports
 * @param rootCause   the likely root cause, for the issue a report drafts
 * @param iteration   the rule describes normal iteration (a failing step the agent usually fixes next):
 *                    its matches are low-severity signals, alerted only when the agent gives up on them
 * @param inhibits    rules this one silences on a line they both match (the more specific rule explains it)
 */
public record Rule(
        String id,
        String category,
        Severity severity,
        List<String> labels,
        String description,
        String rootCause,
        List<MatchClause> match,
        Stateful stateful,
        List<FingerprintPart> fingerprint,
        List<Integer> escalateAt,
        boolean iteration,
        List<String> inhibits) {

    public Rule {
        labels = List.copyOf(labels);
        match = List.copyOf(match);
        fingerprint = List.copyOf(fingerprint);
        escalateAt = List.copyOf(escalateAt);
        inhibits = List.copyOf(inhibits);
    }

    /** A stateful pattern with its thresholds (the pattern's defaults, overridden by the rule). */
    public record Stateful(StatefulPattern pattern, Map<String, Integer> thresholds) {

        public Stateful {
            thresholds = Map.copyOf(thresholds);
        }

        public int threshold(String name) {
            Integer value = thresholds.get(name);
            if (value == null) {
                throw new IllegalArgumentException(pattern.label() + " has no threshold " + name);
            }
            return value;
        }
    }

    /** The excerpt of the first clause that matches this line; empty if none does. */
    Optional<String> match(FieldValues line) {
        for (MatchClause clause : match) {
            Optional<String> excerpt = clause.excerpt(line);
            if (excerpt.isPresent()) {
                return excerpt;
            }
        }
        return Optional.empty();
    }

    public Optional<Stateful> statefulPattern() {
        return Optional.ofNullable(stateful);
    }

    /** The escalation level a count reaches: how many thresholds it has reached (0 below the first). */
    public int levelFor(long count) {
        // Thresholds are increasing (validated): a binary search, so a long list (an evaluation that
        // re-emits at every count) costs nothing per occurrence.
        int at = Collections.binarySearch(escalateAt, (int) Math.min(count, Integer.MAX_VALUE));
        return at >= 0 ? at + 1 : -at - 1;
    }

    /** True when this rule silences {@code other} on a line both match. */
    public boolean inhibits(String other) {
        return inhibits.contains(other);
    }
}
