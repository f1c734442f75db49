package io.sessionfriction.processor.alert;

import java.util.regex.Pattern;

/**
 * What the agent's last words in a turn say about the work: that it is done (a claim), or that the agent
 * cannot go on (giving up). Read only on the turn's final text: narration between steps ("fixed the
 * import, running again") says what the agent is doing, not how it ended.
 */
final class AgentText {

    /** "All done", "all tests pass", "I have completed ...": the work reported finished. */
    private static final Pattern CLAIMS_SUCCESS = Pattern.compile("\\b(all (done|set|green|good)\\b|all (\\d+ )?(tests?|checks?|specs?)"
            + " (now )?pass(ed|ing)?|(tests?|checks?|build) (now )?pass(es|ed|ing)?\\b|(is|are|now) (done|complete|completed|fixed|working"
            + "|green|passing)\\b|successfully (completed|implemented|fixed|finished|committed|pushed|created|done)|(task|epic|work|feature"
            + "|fix|change|everything|it)('s| is| has been) (done|complete|completed|finished)|works now|everything (works|is working|is green"
            + "|is clean)|(i have|i've) (successfully )?(completed|finished|fixed|implemented|done))", Pattern.CASE_INSENSITIVE);
    /** Wider: the agent says it did what was asked ("Added the chart.", "Committed."), for the analyst's reply to judge. */
    private static final Pattern REPORTS_DONE = Pattern.compile("\\b(done|complete|completed|finished|fixed|added|implemented|updated"
            + "|created|committed|pushed|resolved|works|working|passes|pass(ed)?|renders)\\b", Pattern.CASE_INSENSITIVE);
    /** "I couldn't", "unable to", "you'll need to": the agent stops short and hands the problem over. */
    private static final Pattern GIVES_UP = Pattern.compile("\\b(i (could ?n[o'’]?t|can ?n[o'’]?t|cannot|was unable|am unable|was ?n[o'’]?t able"
            + "|am not able|was not able)|unable to|not able to|(is|are|remains?|still) (blocked|failing|broken)|(blocked|prevented) (by|from)"
            + "|you('ll| will)? (need|have) to|(needs?|requires?) (your|manual|you to)|manually|i'?ll stop|giving up)\\b",
            Pattern.CASE_INSENSITIVE);

    private AgentText() {
    }

    static boolean claimsSuccess(String text) {
        return text != null && CLAIMS_SUCCESS.matcher(text).find();
    }

    static boolean reportsDone(String text) {
        return text != null && REPORTS_DONE.matcher(text).find();
    }

    static boolean givesUp(String text) {
        return text != null && GIVES_UP.matcher(text).find();
    }
}
