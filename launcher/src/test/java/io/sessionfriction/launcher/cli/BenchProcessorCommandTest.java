package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class BenchProcessorCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void zeroStreamThreadsAreRefusedBeforeAnyCorpusIsWritten() {
        Path corpus = dir.resolve("corpus");

        int exit = execute("bench-processor", "--corpus", corpus.toString(), "--threads", "2,0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--threads must be positive numbers, was [2, 0]");
        assertThat(corpus).doesNotExist();
    }

    @Test
    void zeroRoundsAreRefused() {
        int exit = execute("bench-processor", "--corpus", dir.toString(), "--rounds", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--rounds must be at least 1, was 0");
    }

    @Test
    void theCorpusFolderIsRequired() {
        int exit = execute("bench-processor");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--corpus=DIR'");
    }

    private int execute(String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }
}
