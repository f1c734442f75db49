package io.sessionfriction.processor.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One ingredient of an alert's fingerprint. Occurrences of a rule with equal fingerprints in one
 * session are one alert; choose parts that stay equal when the same problem repeats.
 */
public enum FingerprintPart {
    /** nothing but the rule: one alert per session and rule, whatever the details. */
    RULE,
    /** the tool's name (Bash, Edit, ...). */
    TOOL,
    /** the normalized command of the Bash call involved (volatile parts masked upstream). */
    COMMAND,
    /**
     * the program and subcommand of the Bash call ({@code git commit}, {@code mix test}): every wording of
     * one step is the same problem, whatever its arguments.
     */
    PROGRAM,
    /** the first line of the error text that reports the error, with paths, digits and ids masked. */
    ERROR,
    /** the first line that matched, with paths, digits and hex ids masked. */
    EXCERPT;

    static Optional<FingerprintPart> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(text.trim())).findFirst();
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
