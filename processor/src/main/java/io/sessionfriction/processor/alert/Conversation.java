package io.sessionfriction.processor.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.sessionfriction.processor.event.CommandNormalizer;
import io.sessionfriction.processor.event.CommandShape;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.progress.CommandTiming;
import io.sessionfriction.processor.rules.Rule;
import io.sessionfriction.processor.rules.RuleCatalogue;

/**
 * The conversation as the alert stage follows it, per thread (main agent, each subagent): where a turn
 * ends, the agent giving up on its recent failures, and what each line leaves for later lines (a call's
 * times, the thread's failures and final words, the analyst's last word, the session's permission mode).
 */
final class Conversation {

    private static final String ASK_USER = "AskUserQuestion";

    private Conversation() {
    }

    /** A line that ends the agent's turn in its thread: the turn as it was is kept for the detectors, the thread starts afresh. */
    static void endTurn(Turn turn) {
        ThreadState thread = turn.thread();
        if (!thread.active() || !LineFacts.endsTurn(turn.event())) {
            return;
        }
        turn.ended(thread);
        turn.thread(thread.endTurn(thread.finalText() != null && AgentText.reportsDone(thread.finalText().text())));
    }

    /**
     * The agent gave up on its recent failures: it ended its turn saying it cannot go on, or it stops to
     * ask the analyst. Each failure an iteration rule signalled, and no other alert explained, alerts now
     * under that rule, with its own line as evidence.
     */
    static List<Occurrence> givenUp(Turn turn, RuleCatalogue catalogue) {
        EnrichedEvent event = turn.event();
        ThreadState ended = turn.ended();
        boolean giveUpText = ended != null && ended.finalText() != null && AgentText.givesUp(ended.finalText().text());
        boolean asks = event.kind() == EventKind.TOOL_USE && ASK_USER.equals(event.toolName());
        if (!giveUpText && !asks) {
            return List.of();
        }
        List<Occurrence> givenUp = new ArrayList<>();
        ThreadState thread = turn.thread();
        for (ThreadState.Failure failure : thread.failures()) {
            Optional<Rule> rule = failure.rule() == null ? Optional.empty() : catalogue.rule(failure.rule());
            if (failure.alerted() || rule.isEmpty()) {
                continue;
            }
            String excerpt = "gave up: " + (failure.errorLine() == null ? failure.key() + " failed" : failure.errorLine());
            FrictionAlert.Evidence line = new FrictionAlert.Evidence(failure.line().uuid(), failure.line().timestamp(), excerpt);
            ToolCall call = ToolCall.UNKNOWN.fillFrom(failure.toolName(), failure.command(), CommandNormalizer.normalize(failure.command()), null);
            givenUp.add(new Occurrence(rule.get(), excerpt, failure.toolUseId(), 1, call, line, failure.errorLine(), 0));
        }
        if (!givenUp.isEmpty()) {
            turn.thread(thread.withAllAlerted());
        }
        return givenUp;
    }

    /** What the line tells the stage for later lines: the call's times, the thread's failures and words, the session's mode. */
    static void track(Turn turn, Optional<Rule> iteration, boolean lineAlerted) {
        EnrichedEvent event = turn.event();
        ToolCall call = turn.call();
        String mode = LineFacts.field(event, "/permissionMode");
        if (mode != null) {
            turn.session(turn.session().withPermissionMode(mode));
        }
        ThreadState thread = turn.thread();
        switch (event.kind()) {
            case TOOL_USE -> {
                turn.call(call.used(event.timestamp(), LineFacts.field(event, "/message/content/0/input/task_id")));
                thread = thread.withActivity();
            }
            case HOOK_PROGRESS -> {
                if ("PreToolUse".equals(LineFacts.field(event, "/data/hookEvent"))) {
                    turn.call(call.hookedAt(event.timestamp()));
                }
            }
            case BASH_PROGRESS -> {
                if (event.elapsedSeconds() != null) {
                    turn.call(call.started(CommandTiming.startFromProgress(event.timestamp(), event.elapsedSeconds())));
                }
            }
            case TOOL_RESULT -> thread = result(turn, thread, iteration, lineAlerted);
            case ASSISTANT_TEXT -> {
                if (!LineFacts.userText(event).isEmpty()) {
                    thread = thread.withText(ThreadState.Said.of(event.uuid(), event.timestamp(), event.text()));
                }
            }
            case USER_PROMPT -> {
                if (AnalystPrompt.of(event).isPresent() || LineFacts.userText(event).startsWith("<command-name>")) {
                    thread = thread.withUserAction(event.timestamp());
                }
            }
            default -> {
                // other lines say nothing the later lines need
            }
        }
        turn.thread(thread);
    }

    private static ThreadState result(Turn turn, ThreadState thread, Optional<Rule> iteration, boolean lineAlerted) {
        EnrichedEvent event = turn.event();
        ToolCall call = turn.call();
        String backgroundTask = LineFacts.field(event, "/toolUseResult/backgroundTaskId");
        if (backgroundTask != null) {
            turn.session(turn.session().withBackgroundTask(backgroundTask, call.command()));
        }
        String key = "Bash".equals(call.toolName()) && call.command() != null ? CommandShape.of(call.command()).programKey() : call.toolName();
        ThreadState updated = thread;
        if ((LineFacts.failed(event) || LineFacts.failureInOutput(event)) && key != null) {
            String errorText = event.errorText() != null ? event.errorText() : event.text();
            updated = thread.withFailure(new ThreadState.Failure(key, iteration.map(Rule::id).orElse(null), event.toolUseId(),
                    call.toolName(), call.command(), ThreadState.Said.of(event.uuid(), event.timestamp(), null),
                    FailureText.firstErrorLine(errorText), lineAlerted, 0));
        } else if (LineFacts.succeeded(event)) {
            updated = thread.withSuccess("Bash".equals(call.toolName()) && call.command() != null
                    ? CommandShape.of(call.command()).allKeys() : key == null ? Set.of() : Set.of(key));
            // A result whose tool_use was never seen has no tool name (and Set.of does not take null).
            String tool = call.toolName();
            if (tool != null && LineFacts.WAIT_BY_DESIGN.contains(tool) && !LineFacts.BACKGROUND_WAITERS.contains(tool)) {
                // The analyst answered a question or approved a plan: their last word.
                updated = updated.withUserAction(event.timestamp());
            }
        }
        return updated.withResultAt(event.timestamp());
    }
}
