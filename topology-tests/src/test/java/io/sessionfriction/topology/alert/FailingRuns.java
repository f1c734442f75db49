package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aHookProgress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sessionfriction.topology.TranscriptLines.Line;

/** A Bash command failing again and again, each run as Claude Code writes it: tool_use, PostToolUseFailure hook, error result. */
final class FailingRuns {

    private FailingRuns() {
    }

    /** {@code runs} failing runs of {@code command}, 20 s apart, the first {@code from} seconds after T0. */
    static List<Line> failingRuns(String command, int runs, long from) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long at = from + i * 20L;
            Line use = aBashToolUse(command).after(Duration.ofSeconds(at));
            lines.add(use);
            lines.add(aHookProgress("PostToolUseFailure", use.toolUseId()).after(Duration.ofSeconds(at + 1)));
            lines.add(aBashError(use.toolUseId(), 1, "Error: connection refused").after(Duration.ofSeconds(at + 1)));
        }
        return lines;
    }
}
