package io.sessionfriction.topology.progress;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBackgroundedResult;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aRejectedToolUse;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aToolUse;
import static io.sessionfriction.topology.TranscriptLines.anInterruptedResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.progress.CommandProgress;
import io.sessionfriction.processor.progress.Outcome;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;

/** Analysis mistake 3: progress is cumulative and chained; 96 updates of one rsync are one command of 97 s. */
class CommandProgressTest {

    private static final String RSYNC = "rsync -av --progress /data/warehouse/ analyst@backup:/srv/warehouse/";

    @Test
    void ninetySixUpdatesOfOneRsyncAreOneCommandWhoseDurationIsTheLargestElapsed() {
        List<Line> lines = new ArrayList<>();
        lines.add(aBashToolUse(RSYNC).id("toolu_1").description("Sync the warehouse to backup").at(T0));
        String previous = lines.get(0).uuid();
        for (int elapsed = 2; elapsed <= 97; elapsed++) {
            Line progress = aBashProgress("toolu_1").elapsed(elapsed).parentUuid(previous).at(T0.plusSeconds(elapsed));
            lines.add(progress);
            previous = progress.uuid();                      // each progress line points at the previous one
        }
        lines.add(aToolResult("toolu_1", "sent 1.2G bytes  received 35 bytes").at(T0.plusSeconds(98)));

        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice", lines);

            Map<String, CommandProgress> commands = driver.commands();
            assertThat(commands).containsOnlyKeys("s1|toolu_1");
            CommandProgress rsync = commands.get("s1|toolu_1");
            assertThat(rsync.command()).isEqualTo(RSYNC);
            assertThat(rsync.description()).isEqualTo("Sync the warehouse to backup");
            assertThat(rsync.updates()).isEqualTo(96);
            assertThat(rsync.maxElapsedSeconds()).isEqualTo(97);
            assertThat(rsync.firstEventAt()).isEqualTo(T0);
            assertThat(rsync.lastEventAt()).isEqualTo(T0.plusSeconds(98));
            assertThat(rsync.outcome()).isEqualTo(Outcome.OK);
            assertThat(rsync.user()).isEqualTo("alice");
        }
    }

    @Test
    void progressArrivingBeforeItsToolUseIsKeptAndTheCommandIsFilledInLater() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aBashProgress("toolu_1").elapsed(3).at(T0.plusSeconds(3)),
                    aBashProgress("toolu_1").elapsed(2).at(T0.plusSeconds(2)),
                    aBashToolUse("make test").id("toolu_1").at(T0));

            CommandProgress command = driver.commands().get("s1|toolu_1");
            assertThat(command.command()).isEqualTo("make test");
            assertThat(command.updates()).isEqualTo(2);
            assertThat(command.maxElapsedSeconds()).isEqualTo(3);
            assertThat(command.firstEventAt()).isEqualTo(T0);
            assertThat(command.outcome()).isEqualTo(Outcome.RUNNING);
        }
    }

    @Test
    void eachOutcomeIsReadFromItsToolResult() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aBashToolUse("python etl.py").id("toolu_err").at(T0),
                    aBashError("toolu_err", 2, "ModuleNotFoundError: No module named 'pandas'").at(T0.plusSeconds(1)),
                    aBashToolUse("sleep 600").id("toolu_int").at(T0.plusSeconds(2)),
                    anInterruptedResult("toolu_int").at(T0.plusSeconds(5)),
                    aBashToolUse("dbt run").id("toolu_bg").at(T0.plusSeconds(6)),
                    aBashProgress("toolu_bg").elapsed(120).at(T0.plusSeconds(126)),
                    aBackgroundedResult("toolu_bg", "b7636e2").at(T0.plusSeconds(127)),
                    aBashToolUse("rm -rf /data/warehouse").id("toolu_no").at(T0.plusSeconds(130)),
                    aRejectedToolUse("toolu_no").at(T0.plusSeconds(140)));

            Map<String, CommandProgress> commands = driver.commands();
            assertThat(commands.get("s1|toolu_err").outcome()).isEqualTo(Outcome.ERROR);
            assertThat(commands.get("s1|toolu_err").exitCode()).isEqualTo(2);
            assertThat(commands.get("s1|toolu_int").outcome()).isEqualTo(Outcome.INTERRUPTED);
            assertThat(commands.get("s1|toolu_bg").outcome()).isEqualTo(Outcome.BACKGROUNDED);
            assertThat(commands.get("s1|toolu_bg").backgroundTaskId()).isEqualTo("b7636e2");
            assertThat(commands.get("s1|toolu_bg").exitCode()).isNull();
            assertThat(commands.get("s1|toolu_no").outcome()).isEqualTo(Outcome.INTERRUPTED);
        }
    }

    @Test
    void otherToolsAreNotCommands() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            Line read = aToolUse("Read").input("file_path", "/data/churn.csv").at(T0);
            driver.pipe("s1", "alice", read, aToolResult(read.toolUseId(), "id,churned\n1,0").at(T0.plusSeconds(1)));

            assertThat(driver.commands()).isEmpty();
        }
    }

    @Test
    void aCommandIsEmittedOnEveryChangeUnderOneKey() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aBashToolUse("make").id("toolu_1").at(T0),
                    aBashProgress("toolu_1").elapsed(2).at(T0.plusSeconds(2)),
                    aToolResult("toolu_1", "ok").at(T0.plusSeconds(3)));

            assertThat(driver.commandUpdates()).extracting(CommandProgress::outcome, CommandProgress::updates)
                    .containsExactly(
                            tuple(Outcome.RUNNING, 0L),
                            tuple(Outcome.RUNNING, 1L),
                            tuple(Outcome.OK, 1L));
        }
    }
}
