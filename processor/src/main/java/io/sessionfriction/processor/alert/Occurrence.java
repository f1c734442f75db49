package io.sessionfriction.processor.alert;

import io.sessionfriction.processor.rules.Rule;

/**
 * One sighting of a rule, before it is folded into an alert.
 *
 * @param key         identifies the underlying problem instance, so the several lines one failure writes
 *                    (PostToolUseFailure hook, tool_result; a refusal and its interrupt line) count once
 * @param weight      how many occurrences this sighting stands for (a retry loop reports the failures before it fired)
 * @param earlierLine the line the sighting is about when it is not the line being processed (a failure the
 *                    agent gave up on, judged when its turn ended); null for the current line
 * @param errorLine   the line of the failure's text that reports the error, for {@code error} fingerprints
 * @param secondsLost time the analyst lost to it (a wait before a call started), 0 when none is measured
 */
record Occurrence(Rule rule, String excerpt, String key, long weight, ToolCall call, FrictionAlert.Evidence earlierLine,
                  String errorLine, double secondsLost) {

    /** A sighting on the line being processed. */
    static Occurrence onLine(Rule rule, String excerpt, String key, long weight, ToolCall call, String errorLine) {
        return new Occurrence(rule, excerpt, key, weight, call, null, errorLine, 0);
    }

    Occurrence costing(double seconds) {
        return new Occurrence(rule, excerpt, key, weight, call, earlierLine, errorLine, seconds);
    }

    boolean onCurrentLine() {
        return earlierLine == null;
    }
}
