package io.sessionfriction.topology.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.launcher.cli.Main;
import picocli.CommandLine;

/** A run that ends on its own (run without --follow, replay) keeps its state in a folder of its own and deletes it when it ends. */
class BoundedRunsLeaveNoStateTest {

    private static final Path SAMPLES = Path.of("..", "samples", "sessions");

    @TempDir
    Path stateDir;
    @TempDir
    Path out;

    private static void execute(String... args) {
        CommandLine cli = Main.commandLine(args);
        StringWriter printed = new StringWriter();
        cli.setOut(new PrintWriter(printed, true));
        assertThat(cli.execute(args)).as(printed.toString()).isZero();
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void runDeletesItsStateWhenItEnds() throws IOException {
        execute("run", "--sessions", SAMPLES.toString(), "--state-dir", stateDir.toString(), "--partitions", "1");

        assertThat(entries(stateDir)).isZero();
    }

    @Test
    void replayDeletesItsStateWhenItEnds() throws IOException {
        execute("replay", "--sessions", SAMPLES.toString(), "--state-dir", stateDir.toString(), "--out", out.toString());

        assertThat(entries(stateDir)).isZero();
    }
}
