package io.sessionfriction.processor.alert;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.rules.Rule;

/**
 * The analyst reacting to the agent, read from the conversation rather than a word list: a prompt ({@link
 * AnalystPrompt}) that repeats one of the previous {@code window} prompts (case, spacing and trailing
 * punctuation ignored, at least {@code minLength} characters); a question why the agent did something; or,
 * right after the agent reported the work done or ended its turn on failed steps, a prompt saying it still,
 * again or newly does not work. The same words as the session's opening request ("X still doesn't start")
 * are the task, not a reaction. (The processor records each prompt after detectors look.)
 */
final class UserReactionDetector implements PatternDetector {

    private static final int EXCERPT_CHARS = 200;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!?]+$");
    private static final Pattern WHY_YOU = Pattern.compile("\\bwhy (did|do|would|are|were|have|'d) you\\b|\\bwhat did you (do|change)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Persisting, recurring or new breakage, and the question why, in the analyst's words. */
    private static final Pattern STILL_BROKEN = Pattern.compile("\\bwhy\\b|\\bstill\\b|\\bagain\\b|\\bkeeps? (on )?(failing|breaking|crashing"
            + "|happening|showing|returning|saying)|\\banymore\\b|\\bsame (error|problem|issue|thing)\\b|\\b(now|newly) (broken|fails|failing"
            + "|crashes)\\b|\\bbroke(n)?\\b|\\b(does|do|did|is|are) ?n[o'’]?t (seem to )?(work|start|run|load|render|show|build|compile|help"
            + "|fix|change)|\\bnot working\\b|\\bwrong\\b|\\bnothing (changed|happens|happened)\\b|\\btakes? (forever|too long|ages)\\b"
            + "|\\btoo (slow|long)\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public void detect(Rule rule, Turn turn) {
        EnrichedEvent event = turn.event();
        Optional<String> prompt = AnalystPrompt.of(event);
        if (prompt.isEmpty()) {
            return;
        }
        String text = prompt.get();
        String key = key(text);
        List<String> recent = turn.session().recentPromptKeys();
        int window = rule.stateful().threshold("window");
        if (key.length() >= rule.stateful().threshold("minLength")
                && recent.subList(Math.max(0, recent.size() - window), recent.size()).contains(key)) {
            found(rule, turn, "asked again: ", text);
            return;
        }
        if (WHY_YOU.matcher(text).find()) {
            found(rule, turn, "asks why the agent did it: ", text);
            return;
        }
        ThreadState thread = turn.thread();
        if ((thread.lastTurnClaimed() || thread.lastTurnFailing()) && STILL_BROKEN.matcher(text).find()) {
            found(rule, turn, thread.lastTurnFailing() ? "after the agent's failed steps: " : "after the agent reported it done: ", text);
        }
    }

    private static void found(Rule rule, Turn turn, String what, String text) {
        String excerpt = what + (text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…");
        turn.found(Occurrence.onLine(rule, excerpt, turn.event().uuid(), 1, turn.call(), null));
    }

    /** The prompt as compared: lower case, single spaces, no trailing punctuation. */
    static String key(String prompt) {
        String spaced = WHITESPACE.matcher(prompt.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return TRAILING_PUNCTUATION.matcher(spaced).replaceAll("").strip();
    }
}
