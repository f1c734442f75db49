package io.sessionfriction.processor.alert;

import io.sessionfriction.processor.event.CommandNormalizer;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.progress.CommandTiming;
import io.sessionfriction.processor.rules.Rule;

/**
 * A call that blocked at least {@code seconds} on a background task (TaskOutput with {@code block}, the
 * result carrying {@code retrieval_status}): the agent had nothing to do but wait for a command that
 * outlived its timeout. The alert names the background command, so the waits on one slow suite are one
 * friction point; a wait the analyst cut short by refusing it is the refusal's.
 */
final class BackgroundWaitDetector implements PatternDetector {

    @Override
    public void detect(Rule rule, Turn turn) {
        EnrichedEvent event = turn.event();
        ToolCall call = turn.call();
        if (event.kind() != EventKind.TOOL_RESULT || call.usedAt() == null || call.toolName() == null
                || !LineFacts.BACKGROUND_WAITERS.contains(call.toolName())
                || LineFacts.rejected(event)) {
            return;
        }
        double waited = CommandTiming.seconds(call.usedAt(), event.timestamp());
        if (waited < rule.stateful().threshold("seconds")) {
            return;
        }
        String command = turn.session().backgroundCommand(call.taskId());
        ToolCall waitedFor = command == null || command.isEmpty() ? call
                : ToolCall.UNKNOWN.fillFrom("Bash", command, CommandNormalizer.normalize(command), call.description());
        String status = LineFacts.field(event, "/toolUseResult/retrieval_status");
        String excerpt = "waited " + Math.round(waited) + " s for background task " + (call.taskId() == null ? "?" : call.taskId())
                + (status == null ? "" : " (" + status + ")");
        turn.found(Occurrence.onLine(rule, excerpt, event.toolUseId(), 1, waitedFor, null).costing(waited));
    }
}
