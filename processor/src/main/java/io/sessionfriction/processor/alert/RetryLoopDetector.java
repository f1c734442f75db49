package io.sessionfriction.processor.alert;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.rules.Rule;

/**
 * The same normalized command failing {@code failures} times, or run {@code repeats} times, in one
 * active block. It fires once per block with the runs so far as its weight; every further run of the
 * command in that block adds one, so a loop of 50 is one alert whose count climbs to 50.
 * (Runs and failures are counted by {@link FrictionAlertProcessor} before detectors look.)
 */
final class RetryLoopDetector implements PatternDetector {

    @Override
    public void detect(Rule rule, Turn turn) {
        EnrichedEvent event = turn.event();
        String command = turn.call().normalizedCommand();
        boolean run = event.kind() == EventKind.TOOL_USE;
        boolean failure = event.kind() == EventKind.TOOL_RESULT && Boolean.TRUE.equals(event.isError());
        if (command == null || !(run || failure)) {
            return;
        }
        SessionContext.LoopCount loop = turn.session().loop(command);
        if (loop.firedBy().contains(rule.id())) {
            if (run) {
                turn.found(new Occurrence(rule, excerpt(loop), event.toolUseId(), 1, turn.call()));
            }
            return;
        }
        Rule.Stateful thresholds = rule.stateful();
        if (loop.failures() >= thresholds.threshold("failures") || loop.runs() >= thresholds.threshold("repeats")) {
            turn.session(turn.session().withLoop(command, loop.firedBy(rule.id())));
            long weight = Math.max(loop.runs(), loop.failures());
            turn.found(new Occurrence(rule, excerpt(loop), event.toolUseId(), weight, turn.call()));
        }
    }

    private static String excerpt(SessionContext.LoopCount loop) {
        return "run " + loop.runs() + " times in this active block, " + loop.failures() + " failed";
    }
}
