package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.replay.report.ReplayData;

/** {@code report}'s draft options: a policy that cannot draft anything sensible is refused before anything is written. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    @BeforeEach
    void aSavedReplayOfNothing() {
        new ReplayData(ReplayData.SCHEMA_VERSION, "since=- until=- users=*", List.of(), List.of(), List.of(), List.of(), 0)
                .write(dir.resolve(ReplayData.FILE_NAME));
    }

    @Test
    void theDraftPolicyIsPrintedWithTheCounts() {
        assertThat(cli.execute("report", "--replay", dir.toString(), "--max-drafts", "0")).as(cli.err()).isZero();

        assertThat(cli.out()).startsWith("0 friction points, 0 drafted as issues; report in " + dir);
    }

    @Test
    void aDraftThresholdBelowOneIsBadInput() {
        assertThat(cli.execute("report", "--replay", dir.toString(), "--draft-min-sessions", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--draft-min-sessions must be at least 1, was 0");

        assertThat(cli.execute("report", "--replay", dir.toString(), "--draft-min-occurrences", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--draft-min-occurrences must be at least 1, was 0");

        assertThat(cli.execute("report", "--replay", dir.toString(), "--max-drafts", "-1")).isEqualTo(2);
        assertThat(cli.err()).contains("--max-drafts must be 0 or more, was -1");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }
}
