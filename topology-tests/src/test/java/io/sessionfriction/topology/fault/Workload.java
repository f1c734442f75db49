package io.sessionfriction.topology.fault;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.sessionfriction.topology.TranscriptLines;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Realistic batches of analysts' work for the fault suite: each turn a prompt, a Bash command with its
 * progress, a result (every third one refused by a permission wall, so alerts come and escalate), and
 * the agent's answer. The same batch of the same session is the same lines every time it is asked for.
 */
final class Workload {

    static final Instant T0 = TranscriptLines.T0;

    private Workload() {
    }

    /** Session {@code session}'s batch {@code batch}: {@code turns} turns, a minute apart, after the batches before it. */
    static List<Line> batch(int session, int batch, int turns) {
        List<Line> lines = new ArrayList<>();
        Instant start = T0.plus(Duration.ofHours(session)).plus(Duration.ofMinutes(batch * (long) turns));
        for (int turn = 0; turn < turns; turn++) {
            Instant at = start.plus(Duration.ofMinutes(turn));
            int n = batch * turns + turn;
            Line command = aBashToolUse("psql -f load_" + session + "_" + n + ".sql analytics")
                    .id(String.format("toolu_%02d_%05d", session, n)).at(at.plusSeconds(2));
            lines.add(aUserPrompt("load part " + n + " of the quarter").at(at));
            lines.add(command);
            lines.add(aBashProgress(command.toolUseId()).elapsed(2).at(at.plusSeconds(4)));
            lines.add(n % 3 == 0
                    ? aBashError(command.toolUseId(), 1, "psql: error: could not open file \"load.sql\": Permission denied").at(at.plusSeconds(5))
                    : aToolResult(command.toolUseId(), "COPY " + (1000 + n)).at(at.plusSeconds(5)));
            lines.add(anAssistantText("Part " + n + " done.").at(at.plusSeconds(7)));
        }
        return lines;
    }
}
