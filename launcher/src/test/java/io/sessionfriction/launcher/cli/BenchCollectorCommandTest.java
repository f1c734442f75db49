package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class BenchCollectorCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void aMissingKcatStopsTheBenchmarkBeforeAnyCorpusIsWrittenAndSaysHowToInstallIt() {
        Path corpus = dir.resolve("corpus");

        int exit = execute("bench-collector", "--corpus", corpus.toString(), "--kcat", dir.resolve("no-kcat").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("kcat not found at '" + dir.resolve("no-kcat") + "'")
                .contains("apt-get install kcat")
                .contains("--kcat PATH");
        assertThat(corpus).doesNotExist();
    }

    @Test
    void zeroRoundsIsRejectedBeforeKcatIsLookedFor() {
        int exit = execute("bench-collector", "--corpus", dir.toString(), "--rounds", "0",
                "--kcat", dir.resolve("no-kcat").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--rounds must be at least 1, was 0").doesNotContain("kcat not found");
    }

    @Test
    void theCorpusFolderIsRequired() {
        int exit = execute("bench-collector");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--corpus=DIR'");
    }

    @Test
    void anUnknownKcatModeIsAUsageError() {
        int exit = execute("bench-collector", "--corpus", dir.toString(), "--kcat-modes", "stream,parallel");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--kcat-modes").contains("parallel");
    }

    private int execute(String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }
}
