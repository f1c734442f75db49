package io.sessionfriction.processor.alert;

import io.sessionfriction.processor.event.CommandShape;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.rules.Rule;

/**
 * The same step failing again and again, or one command run again and again, in one active block:
 * <ul>
 *   <li>one program and subcommand ({@code git commit}, whatever the message) failing {@code failures}
 *       times in a row, the last failure with the same error as the one before: the agent repeats
 *       itself. A row of different errors is progress (a test file fixed one problem at a time);</li>
 *   <li>one normalized command run {@code repeats} times.</li>
 * </ul>
 * It fires once with the row so far as its weight; every further failure (or run) in that row adds one,
 * so a loop of 50 is one alert whose count climbs to 50. (Counts are kept by {@link StepCounts}
 * before detectors look; a success of the step ends its row.)
 */
final class RetryLoopDetector implements PatternDetector {

    @Override
    public void detect(Rule rule, Turn turn) {
        EnrichedEvent event = turn.event();
        String command = turn.call().command();
        if (command == null || !"Bash".equals(turn.call().toolName())) {
            return;
        }
        String program = CommandShape.of(command).programKey();
        if (program == null) {
            return;
        }
        if (event.kind() == EventKind.TOOL_USE && turn.call().normalizedCommand() != null) {
            runs(rule, turn, StepCounts.runKey(turn.call().normalizedCommand()), StepCounts.failureKey(program));
        } else if (LineFacts.failed(event)) {
            failures(rule, turn, StepCounts.failureKey(program), program);
        }
    }

    /**
     * The runs of one command. One loop is one alert: a row of failures already looping is not counted again
     * by its runs, and a loop of runs takes the row's failures with it (a call's run and failure share its
     * id, so it counts once).
     */
    private static void runs(Rule rule, Turn turn, String key, String failureKey) {
        SessionContext.LoopCount loop = turn.session().loop(key);
        SessionContext.LoopCount row = turn.session().loop(failureKey);
        if (loop.firedBy().contains(rule.id())) {
            turn.found(Occurrence.onLine(rule, "run " + loop.runs() + " times in this active block", turn.event().toolUseId(), 1,
                    turn.call(), null));
        } else if (loop.runs() >= rule.stateful().threshold("repeats") && !row.firedBy().contains(rule.id())) {
            turn.session(turn.session().withLoop(key, loop.firedBy(rule.id())).withLoop(failureKey, row.firedBy(rule.id())));
            turn.found(Occurrence.onLine(rule, "run " + loop.runs() + " times in this active block", turn.event().toolUseId(),
                    loop.runs(), turn.call(), null));
        }
    }

    private static void failures(Rule rule, Turn turn, String key, String program) {
        SessionContext.LoopCount loop = turn.session().loop(key);
        String error = FailureText.firstErrorLine(turn.event().errorText());
        String excerpt = program + " failed " + loop.failures() + " times in a row" + (error == null ? "" : ": " + error);
        if (loop.firedBy().contains(rule.id())) {
            turn.found(Occurrence.onLine(rule, excerpt, turn.event().toolUseId(), 1, turn.call(), error));
        } else if (loop.failures() >= rule.stateful().threshold("failures") && loop.sameAsBefore()) {
            turn.session(turn.session().withLoop(key, loop.firedBy(rule.id())));
            turn.found(Occurrence.onLine(rule, excerpt, turn.event().toolUseId(), loop.failures(), turn.call(), error));
        } else {
            return;
        }
        // The loop explains the row's earlier failures: the agent giving up on them later raises nothing more.
        turn.thread(turn.thread().withKeyAlerted(program));
    }
}
