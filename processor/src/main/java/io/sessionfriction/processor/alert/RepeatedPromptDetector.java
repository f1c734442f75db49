package io.sessionfriction.processor.alert;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.rules.Rule;

/**
 * An analyst's prompt ({@link AnalystPrompt}) that repeats one of the previous {@code window} prompts (case, spacing and trailing
 * punctuation ignored) and has at least {@code minLength} characters: the analyst asks again because
 * the first answer did not help. (The processor records each prompt after detectors look.)
 */
final class RepeatedPromptDetector implements PatternDetector {

    private static final int EXCERPT_CHARS = 200;

    @Override
    public void detect(Rule rule, Turn turn) {
        EnrichedEvent event = turn.event();
        Optional<String> prompt = AnalystPrompt.of(event);
        if (prompt.isEmpty()) {
            return;
        }
        String key = key(prompt.get());
        if (key.length() < rule.stateful().threshold("minLength")) {
            return;
        }
        List<String> recent = turn.session().recentPromptKeys();
        int window = rule.stateful().threshold("window");
        if (recent.subList(Math.max(0, recent.size() - window), recent.size()).contains(key)) {
            String text = prompt.get();
            String excerpt = "asked again: " + (text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…");
            turn.found(new Occurrence(rule, excerpt, event.uuid(), 1, turn.call()));
        }
    }

    /** The prompt as compared: lower case, single spaces, no trailing punctuation. */
    static String key(String prompt) {
        return prompt.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s.!?]+$", "").strip();
    }
}
