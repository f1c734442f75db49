package io.sessionfriction.replay.report;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How much a friction point hurts: its rule's severity, how far it reached, and the time it cost.
 * Severity gives 3 (high), 2 (medium) or 1 (low). Reach adds 2 when it struck 3+ sessions, 2+ users or
 * 10+ times, 1 when it struck 2 sessions or 3+ times. Time adds 1 when it cost 10 minutes or more (a
 * wait's time lost). A score of 4+ is high, 3 medium, less is low: a high-severity problem seen once is
 * medium, a medium one that keeps coming back or costs a quarter of an hour is medium to high, a low
 * one has to be widespread.
 */
public enum Impact {
    HIGH, MEDIUM, LOW;

    static final double COSTLY_SECONDS = 600;

    public static Impact of(String severity, int sessions, int users, long occurrences, double secondsLost) {
        int score = severityScore(severity);
        if (sessions >= 3 || users >= 2 || occurrences >= 10) {
            score += 2;
        } else if (sessions >= 2 || occurrences >= 3) {
            score += 1;
        }
        if (secondsLost >= COSTLY_SECONDS) {
            score += 1;
        }
        return score >= 4 ? HIGH : score == 3 ? MEDIUM : LOW;
    }

    static int severityScore(String severity) {
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "high" -> 3;
            case "medium" -> 2;
            default -> 1;
        };
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
