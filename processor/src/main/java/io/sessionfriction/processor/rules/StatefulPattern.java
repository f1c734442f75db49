package io.sessionfriction.processor.rules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Patterns that no single line shows; the alert stage keeps per-session state to see them. Each
 * declares its thresholds and their defaults; a rule may override any of them and nothing else.
 */
public enum StatefulPattern {
    /**
     * The same normalized command run again and again in one active block: it fires when the command
     * has failed {@code failures} times or been run {@code repeats} times in the block.
     */
    RETRY_LOOP(Map.of("failures", 3, "repeats", 10)),
    /** A Bash command whose cumulative elapsed time crosses {@code seconds} while it is still running. */
    SLOW_COMMAND(Map.of("seconds", 120)),
    /**
     * A user prompt equal (case and spacing ignored) to one of the previous {@code window} prompts, if
     * it has at least {@code minLength} characters ("yes" twice is not confusion).
     */
    REPEATED_PROMPT(Map.of("window", 3, "minLength", 12));

    private final Map<String, Integer> defaults;

    StatefulPattern(Map<String, Integer> defaults) {
        this.defaults = defaults;
    }

    public Map<String, Integer> defaults() {
        return defaults;
    }

    /** The kebab-case name used in YAML ({@code retry-loop}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<StatefulPattern> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.label().equalsIgnoreCase(text.trim())).findFirst();
    }

    Map<String, Integer> withOverrides(Map<String, Integer> overrides) {
        Map<String, Integer> merged = new LinkedHashMap<>(defaults);
        merged.putAll(overrides);
        return Map.copyOf(merged);
    }
}
