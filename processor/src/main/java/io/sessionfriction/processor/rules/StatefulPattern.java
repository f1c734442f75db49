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
     * The same step failing again and again in one active block: it fires when one program and subcommand
     * ({@code git commit}) has failed {@code failures} times in a row with the same error, or one normalized
     * command has been run {@code repeats} times in the block.
     */
    RETRY_LOOP(Map.of("failures", 3, "repeats", 10)),
    /** A Bash command whose cumulative elapsed time (the time it ran) crosses {@code seconds} while it still runs. */
    SLOW_COMMAND(Map.of("seconds", 120)),
    /**
     * The analyst reacting to the agent: a prompt repeating one of the previous {@code window} prompts
     * (case and spacing ignored, at least {@code minLength} characters), a question why the agent did
     * something, or a prompt saying something is still or again broken right after the agent claimed it
     * done or ended its turn on failures.
     */
    USER_REACTION(Map.of("window", 3, "minLength", 12)),
    /**
     * The analyst refusing or stopping the agent: a rejected tool call, a command interrupted while it
     * ran, an interrupt more than {@code rephraseSeconds} after the analyst's own last word (sooner, the
     * analyst is rephrasing). A rejected plan followed by "Implement the following plan" is an approval.
     */
    USER_REJECTION(Map.of("rephraseSeconds", 10)),
    /** A tool call that waited at least {@code seconds} before it started, with permissions not bypassed: the user's approval. */
    APPROVAL_WAIT(Map.of("seconds", 60)),
    /** A tool call held at least {@code seconds} before it started by its PreToolUse hooks (permissions bypassed). */
    HOOK_WAIT(Map.of("seconds", 60)),
    /** A call that blocked at least {@code seconds} waiting for a background task (TaskOutput). */
    BACKGROUND_WAIT(Map.of("seconds", 60)),
    /** The agent claiming success while a step that failed in this turn has not succeeded since. */
    SUCCESS_AFTER_FAILURE(Map.of());

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
