package io.sessionfriction.processor.alert;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.rules.Rule;

/**
 * A Bash command whose elapsed time crosses {@code seconds}: alerted once per command, on the first
 * progress line at or over the threshold, so while it still runs rather than at its result
 * (elapsedTimeSeconds is cumulative: later progress lines of the same command say nothing new).
 * elapsedTimeSeconds counts from the command's start, so this is the time it ran: a wait for approval
 * before it started never makes a command slow.
 */
final class SlowCommandDetector implements PatternDetector {

    @Override
    public void detect(Rule rule, Turn turn) {
        EnrichedEvent event = turn.event();
        if (event.kind() != EventKind.BASH_PROGRESS || event.elapsedSeconds() == null || event.toolUseId() == null) {
            return;
        }
        int seconds = rule.stateful().threshold("seconds");
        ToolCall call = turn.call();
        if (event.elapsedSeconds() < seconds || call.slowAlertedBy().contains(rule.id())) {
            return;
        }
        turn.call(call.slowAlertedBy(rule.id()));
        String excerpt = "still running after " + event.elapsedSeconds() + " s (threshold " + seconds + " s)";
        turn.found(Occurrence.onLine(rule, excerpt, event.toolUseId(), 1, turn.call(), null));
    }
}
