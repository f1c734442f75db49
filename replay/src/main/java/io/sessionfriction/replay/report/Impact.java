package io.sessionfriction.replay.report;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How much a friction point hurts, from the rule's severity and how often it struck. Severity gives
 * 3 (high), 2 (medium) or 1 (low); frequency adds 2 when it struck 3+ sessions or 10+ times, 1 when it
 * struck 2 sessions or 3+ times. A score of 4+ is high, 3 medium, less is low: a high-severity problem
 * seen once is medium, a medium one that keeps coming back is medium, a low one has to be widespread.
 */
public enum Impact {
    HIGH, MEDIUM, LOW;

    public static Impact of(String severity, int sessions, long occurrences) {
        int score = switch (severity.toLowerCase(Locale.ROOT)) {
            case "high" -> 3;
            case "medium" -> 2;
            default -> 1;
        };
        if (sessions >= 3 || occurrences >= 10) {
            score += 2;
        } else if (sessions >= 2 || occurrences >= 3) {
            score += 1;
        }
        return score >= 4 ? HIGH : score == 3 ? MEDIUM : LOW;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
