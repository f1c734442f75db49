package io.sessionfriction.topology.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.topology.ChildJvm;

/**
 * A replay stopped by SIGTERM (or Ctrl-C) in the middle of its pipeline closes what it opened: no embedded
 * broker's log directory, no replay folder, no half a report. The jar's main runs the replay in a second JVM,
 * so the signal to the first has to reach it and be waited for.
 */
class StoppedReplayLeavesNothingTest {

    @TempDir
    Path corpus;
    @TempDir
    Path temporary;
    @TempDir
    Path out;

    @Test
    void aSigtermInTheMiddleOfTheReplayRemovesItsBrokerAndFolders() throws Exception {
        // About 8,000 events: several seconds of pipeline after the scan, so the signal lands inside it.
        assertThat(Main.commandLine(new String[0]).execute("generate-samples", "--out", corpus.toString(),
                "--corpus-bytes", "30000000")).isZero();

        try (ChildJvm replay = ChildJvm.start("stopped-replay", List.of("-Djava.io.tmpdir=" + temporary), Main.class,
                "replay", "--sessions", corpus.toString(), "--out", out.toString())) {
            awaitOutput(replay, "Replay published");
            assertThat(entries(temporary)).as("the broker's and the replay's folders while it runs").isNotEmpty();

            assertThat(replay.stop()).as("exited after SIGTERM").isTrue();

            assertThat(replay.output()).contains("Stopped by signal before the report").doesNotContain("ERROR");
        }
        assertThat(entries(temporary)).as("left in java.io.tmpdir").isEmpty();
        assertThat(entries(out)).as("written to --out").isEmpty();
    }

    private static void awaitOutput(ChildJvm child, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!child.output().contains(text)) {
            assertThat(child.running()).as("replay still running; output:%n%s", child.output()).isTrue();
            assertThat(System.nanoTime()).as("'%s' printed in time", text).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
