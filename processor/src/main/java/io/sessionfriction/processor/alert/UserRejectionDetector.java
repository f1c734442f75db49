package io.sessionfriction.processor.alert;

import java.time.Instant;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.progress.CommandTiming;
import io.sessionfriction.processor.rules.Rule;

/**
 * The analyst refusing or stopping the agent (docs/transcript-format.md, "Interrupts"):
 * <ul>
 *   <li>a tool call refused at its permission prompt ("The user doesn't want to proceed"), or stopped while
 *       it ran ({@code interrupted: true}); the {@code [Request interrupted by user for tool use]} line that
 *       follows is the same refusal, counted once;</li>
 *   <li>{@code [Request interrupted by user]} more than {@code rephraseSeconds} after the analyst's own last
 *       word (a prompt or an answer); sooner, the analyst is rephrasing, not refusing;</li>
 *   <li>a refused ExitPlanMode is judged on the analyst's next prompt: "Implement the following plan" (the
 *       plan approved by clearing the context) is an approval, anything else a refusal.</li>
 * </ul>
 */
final class UserRejectionDetector implements PatternDetector {

    private static final String IMPLEMENT_PLAN = "Implement the following plan";
    private static final String CLEAR_CONTEXT = "SessionStart:clear";

    @Override
    public void detect(Rule rule, Turn turn) {
        EnrichedEvent event = turn.event();
        ThreadState thread = turn.thread();
        if (LineFacts.rejected(event)) {
            String tool = turn.call().toolName() == null ? "a tool call" : turn.call().toolName();
            if ("ExitPlanMode".equals(turn.call().toolName())) {
                turn.thread(thread.withPendingPlan(ThreadState.Said.of(event.uuid(), event.timestamp(), "refused the plan")));
                return;
            }
            stopped(rule, turn, "refused " + tool + described(turn.call()), event.toolUseId());
        } else if (LineFacts.interrupted(event)) {
            stopped(rule, turn, "stopped " + (turn.call().toolName() == null ? "a tool call" : turn.call().toolName())
                    + described(turn.call()) + " while it ran", event.toolUseId());
        } else if (event.kind() == EventKind.USER_PROMPT && !LineFacts.flag(event, "isMeta")) {
            prompt(rule, turn, thread);
        } else if (event.kind() == EventKind.HOOK_PROGRESS && CLEAR_CONTEXT.equals(LineFacts.field(event, "/data/hookName"))) {
            turn.thread(thread.withPendingPlan(null));
        }
    }

    private static void prompt(Rule rule, Turn turn, ThreadState thread) {
        EnrichedEvent event = turn.event();
        String text = LineFacts.userText(event);
        if (text.startsWith(LineFacts.TOOL_INTERRUPT)) {
            String call = thread.lastStoppedCall() != null ? thread.lastStoppedCall() : event.uuid();
            turn.found(Occurrence.onLine(rule, "interrupted the tool use", call, 1, turn.call(), null));
        } else if (text.startsWith(LineFacts.INTERRUPT)) {
            Instant lastWord = thread.lastUserActionAt();
            long rephrase = rule.stateful().threshold("rephraseSeconds");
            if (lastWord != null && !event.timestamp().isAfter(lastWord.plusSeconds(rephrase))) {
                return;
            }
            String since = lastWord == null ? ""
                    : " " + Math.round(CommandTiming.seconds(lastWord, event.timestamp())) + " s after the analyst's last word";
            turn.found(Occurrence.onLine(rule, "interrupted the agent" + since, event.uuid(), 1, turn.call(), null));
        } else if (thread.pendingPlan() != null && AnalystPrompt.of(event).isPresent()) {
            ThreadState.Said plan = thread.pendingPlan();
            turn.thread(thread.withPendingPlan(null));
            if (!text.startsWith(IMPLEMENT_PLAN)) {
                FrictionAlert.Evidence refused = new FrictionAlert.Evidence(plan.uuid(), plan.timestamp(), "refused the plan (ExitPlanMode)");
                turn.found(new Occurrence(rule, refused.excerpt(), plan.uuid(), 1, ToolCall.UNKNOWN, refused, null, 0));
            }
        }
    }

    private static void stopped(Rule rule, Turn turn, String excerpt, String toolUseId) {
        turn.thread(turn.thread().withStoppedCall(toolUseId));
        turn.found(Occurrence.onLine(rule, excerpt, toolUseId, 1, turn.call(), null));
    }

    private static String described(ToolCall call) {
        return call.command() != null ? ": " + abbreviate(call.command()) : "";
    }

    private static String abbreviate(String command) {
        String oneLine = command.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }
}
