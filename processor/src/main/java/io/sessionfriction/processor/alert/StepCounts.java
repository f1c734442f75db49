package io.sessionfriction.processor.alert;

import io.sessionfriction.processor.event.CommandShape;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;

/**
 * Counts of each step in the current active block, for the retry-loop pattern, kept once per line before
 * detectors look (so two retry-loop rules read the same counts): runs of each normalized command, and the
 * row of failures of each program and subcommand since it last succeeded.
 */
final class StepCounts {

    private StepCounts() {
    }

    static String runKey(String normalizedCommand) {
        return "run|" + normalizedCommand;
    }

    static String failureKey(String program) {
        return "fail|" + program;
    }

    /** Runs of each command and rows of failures of each step, for the retry-loop pattern. */
    static void count(Turn turn) {
        EnrichedEvent event = turn.event();
        ToolCall call = turn.call();
        if (call.command() == null || !"Bash".equals(call.toolName())) {
            return;
        }
        SessionContext session = turn.session();
        if (event.kind() == EventKind.TOOL_USE && call.normalizedCommand() != null) {
            String key = runKey(call.normalizedCommand());
            turn.session(session.withLoop(key, session.loop(key).run()));
        } else if (LineFacts.failed(event)) {
            String program = CommandShape.of(call.command()).programKey();
            if (program != null) {
                String key = failureKey(program);
                turn.session(session.withLoop(key, session.loop(key).fail(FailureText.signature(event.errorText()))));
            }
        } else if (LineFacts.succeeded(event)) {
            for (String program : CommandShape.of(call.command()).allKeys()) {
                String key = failureKey(program);
                if (session.loops().containsKey(key)) {
                    session = session.withLoop(key, session.loop(key).succeed());
                }
            }
            turn.session(session);
        }
    }
}
