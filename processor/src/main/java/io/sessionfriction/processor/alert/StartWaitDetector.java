package io.sessionfriction.processor.alert;

import java.time.Instant;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.progress.CommandTiming;
import io.sessionfriction.processor.rules.Rule;
import io.sessionfriction.processor.rules.StatefulPattern;

/**
 * A tool call that waited at least {@code seconds} before it started (docs/transcript-format.md, "Waiting
 * for approval"). The wait is known when the call's first progress line dates its start, or, for a call
 * with none, when its result arrives (it ran at most {@link CommandTiming#NO_PROGRESS_BOUND}). It is
 * measured from the latest of the tool_use, the call's last PreToolUse hook line and the thread's previous
 * result (a call queued behind another's approval waited for that one, not for its own).
 *
 * <p>Who it waited for decides the rule: with permissions bypassed no one is asked, so a wait there is
 * its PreToolUse hooks ({@code hook-wait}, only when hooks ran for it); otherwise it is the analyst's
 * approval ({@code approval-wait}). Calls that wait by design (a question to the analyst, a plan review,
 * a subagent, a background task) are not judged; a wait that ends in a refusal is the refusal's; a call
 * moved to the background at its timeout ran until it.
 */
final class StartWaitDetector implements PatternDetector {

    private final StatefulPattern pattern;

    StartWaitDetector(StatefulPattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public void detect(Rule rule, Turn turn) {
        EnrichedEvent event = turn.event();
        ToolCall call = turn.call();
        if (call.usedAt() == null || call.startedAt() != null || call.toolName() == null
                || LineFacts.WAIT_BY_DESIGN.contains(call.toolName()) || LineFacts.rejected(event)
                || LineFacts.field(event, "/toolUseResult/backgroundTaskId") != null) {
            return;
        }
        Instant start;
        if (event.kind() == EventKind.BASH_PROGRESS && event.elapsedSeconds() != null) {
            start = CommandTiming.start(call.usedAt(), CommandTiming.startFromProgress(event.timestamp(), event.elapsedSeconds()), null);
        } else if (event.kind() == EventKind.TOOL_RESULT) {
            start = CommandTiming.start(call.usedAt(), null, event.timestamp());
        } else {
            return;
        }
        double waited = CommandTiming.seconds(waitFrom(call, turn.thread(), start), start);
        boolean bypassed = turn.session().permissionsBypassed();
        if (waited < rule.stateful().threshold("seconds")) {
            return;
        }
        String excerpt;
        if (pattern == StatefulPattern.APPROVAL_WAIT && !bypassed) {
            excerpt = "waited " + Math.round(waited) + " s for approval before it started";
        } else if (pattern == StatefulPattern.HOOK_WAIT && bypassed && call.preHookAt() != null) {
            excerpt = "held " + Math.round(waited) + " s by its PreToolUse hooks before it started";
        } else {
            return;
        }
        turn.found(Occurrence.onLine(rule, excerpt, event.toolUseId(), 1, call, null).costing(waited));
    }

    private static Instant waitFrom(ToolCall call, ThreadState thread, Instant start) {
        Instant from = call.usedAt();
        if (call.preHookAt() != null && call.preHookAt().isAfter(from) && !call.preHookAt().isAfter(start)) {
            from = call.preHookAt();
        }
        Instant previous = thread.lastResultAt();
        if (previous != null && previous.isAfter(from) && !previous.isAfter(start)) {
            from = previous;
        }
        return from;
    }
}
