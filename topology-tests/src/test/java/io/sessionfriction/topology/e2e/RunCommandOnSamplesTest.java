package io.sessionfriction.topology.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.launcher.cli.Main;
import picocli.CommandLine;

/**
 * The README's first command, as a user runs it: {@code run} on the shipped samples with the embedded
 * broker prints the samples' alerts and a summary, then exits 0 on its own.
 */
class RunCommandOnSamplesTest {

    private static final Path SAMPLES = Path.of("..", "samples", "sessions");

    @TempDir
    Path stateDir;

    @Test
    void printsTheSampleAlertsAndExitsWhenEverythingIsProcessed() {
        String[] args = {"run", "--sessions", SAMPLES.toString(), "--state-dir", stateDir.toString(), "--partitions", "2"};
        CommandLine cli = Main.commandLine(args);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));

        int exitCode = cli.execute(args);

        String printed = out.toString();
        assertThat(exitCode).as(printed).isZero();
        assertThat(printed)
                .contains("(embedded broker); alerts follow.")
                // carol's flat-layout file: cp into the shared folder hits a permission wall
                .containsPattern("\\[HIGH] +permission-denied +carol +session 06c6dec9 +2026-02-13T10:02:44.940Z")
                .contains("cp: cannot create regular file '/data/shared/finance/finance_summary.csv': Permission denied")
                // alice's rsync ends in code 23: one alert for the command, none for its progress output
                .containsPattern("\\[HIGH] +data-sync +alice +session cecb35f9 +2026-02-10T22:01:56.027Z +count 1")
                // bob's psql password failure, retried in one block: one loop alert, escalated once at 5
                .containsPattern("\\[HIGH] +auth-failure +bob +session 64dd87dd +2026-02-10T13:00:29.642Z +count 1")
                .containsPattern("retry-loop +bob +session 64dd87dd +2026-02-10T13:00:39.662Z +count 3")
                .containsPattern("retry-loop +bob +session 64dd87dd .* count 5 +\\(escalation 1\\)")
                // ... and bob asking why, right after the agent's turn ended on those failures
                .contains("evidence: after the agent's failed steps: why does it keep failing?")
                .contains("ModuleNotFoundError: No module named 'pandas'")
                // carol's dbt run crosses the slow-command threshold while still running
                .containsPattern("slow-command +carol +session 06c6dec9 .* count 1")
                .containsPattern("Done: \\d+ files, \\d+ lines \\(\\d+ events\\), 3 lines to session-events-dlq, 14 alert records")
                // a failing step the agent fixes next is normal iteration: no generic tool-error
                .doesNotContain("tool-error");
    }

    @Test
    void aSessionsFolderThatDoesNotExistIsAClearErrorBeforeAnythingStarts() {
        String[] args = {"run", "--sessions", "no/such/folder"};
        CommandLine cli = Main.commandLine(args);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        int exitCode = cli.execute(args);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--sessions:").contains("no/such/folder is not a directory");
    }
}
