package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.replay.report.ReplayData;
import picocli.CommandLine;

/** {@code report}'s draft options: a policy that cannot draft anything sensible is refused before anything is written. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void aSavedReplayOfNothing() {
        new ReplayData(ReplayData.SCHEMA_VERSION, "since=- until=- users=*", List.of(), List.of(), List.of(), List.of(), 0)
                .write(dir.resolve(ReplayData.FILE_NAME));
    }

    @Test
    void theDraftPolicyIsPrintedWithTheCounts() {
        assertThat(execute("report", "--replay", dir.toString(), "--max-drafts", "0")).as(err.toString()).isZero();

        assertThat(out.toString()).startsWith("0 friction points, 0 drafted as issues; report in " + dir);
    }

    @Test
    void aDraftThresholdBelowOneIsBadInput() {
        assertThat(execute("report", "--replay", dir.toString(), "--draft-min-sessions", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--draft-min-sessions must be at least 1, was 0");

        assertThat(execute("report", "--replay", dir.toString(), "--draft-min-occurrences", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--draft-min-occurrences must be at least 1, was 0");

        assertThat(execute("report", "--replay", dir.toString(), "--max-drafts", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-drafts must be 0 or more, was -1");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    private int execute(String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }
}
