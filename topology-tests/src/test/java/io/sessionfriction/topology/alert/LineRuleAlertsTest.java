package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBackgroundedResult;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aCompactBoundary;
import static io.sessionfriction.topology.TranscriptLines.aCompactSummary;
import static io.sessionfriction.topology.TranscriptLines.aHookProgress;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anApiError;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Specifications of the line rules: given these transcript lines, exactly these alerts on
 * friction-alerts, and nothing else. One line gives one alert, the most specific rule's.
 */
class LineRuleAlertsTest extends AlertSpecification {

    @Test
    void aPermissionDeniedIsOneAlertForTheCommandNotAlsoAToolError() {
        Line use = aBashToolUse("cp target/summary.csv /data/shared/finance/").after(seconds(0));
        driver.pipe(use,
                aHookProgress("PostToolUseFailure", use.toolUseId()).after(seconds(1)),
                aBashError(use.toolUseId(), 1, "cp: cannot create regular file '/data/shared/finance/summary.csv': Permission denied")
                        .after(seconds(1)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("permission-denied", "cp | cp: cannot create regular file '<path>': Permission denied", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void errorWordsInTheOutputOfACommandStillRunningAreNotYetAFailure() {
        Line use = aBashToolUse("find / -name '*.parquet'").after(seconds(0));
        String denied = "/data/a.parquet\nfind: '/root': Permission denied";
        driver.pipe(use,
                aBashProgress(use.toolUseId()).elapsed(2).output(denied).after(seconds(2)),
                aBashProgress(use.toolUseId()).elapsed(3).output(denied).after(seconds(3)));

        assertThat(driver.alerts()).isEmpty();

        // find exits 1 when a folder is unreadable: the command reports its own failure.
        driver.pipe(aBashError(use.toolUseId(), 1, denied).after(seconds(4)));
        assertThat(driver.alerts()).extracting(Seen::of)
                .containsExactly(new Seen("permission-denied", "find | find: '<path>': Permission denied", 1, 0));
    }

    @Test
    void errorWordsInStoredTextACommandPrintsAreQuotedNotSuffered() {
        Line grep = aBashToolUse("grep -rn 'timed out' lib/").after(seconds(0));
        Line cat = aBashToolUse("cat docs/troubleshooting.md").after(seconds(5));
        driver.pipe(grep, aToolResult(grep.toolUseId(), "lib/client.ex:12:  raise TimeoutError, \"request timed out\"").after(seconds(1)),
                cat, aToolResult(cat.toolUseId(), "If psql says 'password authentication failed', renew PGPASSWORD.\n"
                        + "Permission denied on /data/shared: ask data-ops.").after(seconds(6)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aMissingProgramIsOneAlertByItsErrorLineHoweverOftenItRecurs() {
        Line first = aBashToolUse("tree src").after(seconds(0));
        Line second = aBashToolUse("tree lib").after(seconds(20));
        driver.pipe(first, aBashError(first.toolUseId(), 127, "(eval):1: command not found: tree").after(seconds(1)),
                second, aBashError(second.toolUseId(), 127, "(eval):1: command not found: tree").after(seconds(21)));

        assertThat(driver.alerts()).extracting(Seen::of)
                .containsExactly(new Seen("command-not-found", "(eval):N: command not found: tree", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aMissingPathTheAgentThenFindsIsNormalIteration() {
        Line read = aBashToolUse("cat exports/q1_revenue.sql").after(seconds(0));
        Line list = aBashToolUse("ls queries/").after(seconds(5));
        driver.pipe(read, aBashError(read.toolUseId(), 1, "cat: exports/q1_revenue.sql: No such file or directory").after(seconds(1)),
                list, aToolResult(list.toolUseId(), "q1_revenue.sql\nq4_revenue.sql").after(seconds(6)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aRejectedSshKeyIsOneAuthFailure() {
        Line use = aBashToolUse("git push origin main").after(seconds(0));
        driver.pipe(use, aBashError(use.toolUseId(), 128, "git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.")
                .after(seconds(2)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("auth-failure", "git push | git@github.com: Permission denied (publickey).", 1, 0));
    }

    @Test
    void anHttpRefusalACommandReportsWithExitCodeZeroIsAnAuthFailure() {
        Line use = aBashToolUse("curl -sS -i https://metrics.internal.example/api/v1/revenue").after(seconds(0));
        driver.pipe(use, aToolResult(use.toolUseId(), "HTTP/2 401 \n{\"error\":\"401 Unauthorized\",\"message\":\"authentication failed: token expired\"}")
                .after(seconds(1)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("auth-failure", "curl | {\"error\":\"N Unauthorized\",\"message\":\"authentication failed: token expired\"}", 1, 0));
    }

    @Test
    void aTimedOutConnectionIsATimeoutButATimeoutTheAgentSetIsNot() {
        Line psql = aBashToolUse("psql -h warehouse -c 'select 1'").after(seconds(0));
        // The agent bounded a server start with timeout: exit 124 is the bound working, with no error reported.
        Line bounded = aBashToolUse("timeout 10 mix phx.server").after(seconds(60));
        driver.pipe(psql, aBashError(psql.toolUseId(), 2,
                "psql: error: connection to server at \"warehouse\" (10.0.0.5), port 5432 failed: Connection timed out").after(seconds(30)),
                bounded, aBashError(bounded.toolUseId(), 124, "[info] Running SpotterWeb.Endpoint with Bandit at 127.0.0.1:4000").after(seconds(71)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(new Seen("timeout",
                "psql | psql: error: connection to server at \"warehouse\" (N.N.N.N), port N failed: Connection timed out", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aCommandMovedToTheBackgroundAtItsTimeoutIsNotAnError() {
        Line use = aBashToolUse("rsync -a /data/raw/ archive:/raw/").input("timeout", 60000).after(seconds(0));
        driver.pipe(use,
                aBashProgress(use.toolUseId()).elapsed(2).output("sending incremental file list").after(seconds(2)),
                aBashProgress(use.toolUseId()).elapsed(59).output("sending incremental file list\nraw/day1.csv").after(seconds(59)),
                aBackgroundedResult(use.toolUseId(), "b7636e2").after(seconds(60)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aMissingPythonModuleIsAlertedOnceHoweverOftenItRecurs() {
        Line first = aBashToolUse("python churn.py").after(seconds(0));
        Line again = aBashToolUse("python3 churn.py --weekly").after(seconds(40));
        String trace = "Traceback (most recent call last):\n  File \"churn.py\", line 1, in <module>\nModuleNotFoundError: No module named 'pandas'";
        driver.pipe(first, aBashError(first.toolUseId(), 1, trace).after(seconds(1)),
                again, aBashError(again.toolUseId(), 1, trace).after(seconds(41)));

        assertThat(driver.alerts()).extracting(Seen::of)
                .containsExactly(new Seen("python-env", "ModuleNotFoundError: No module named 'pandas'", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void anRsyncFailureIsADataSyncAlert() {
        Line use = aBashToolUse("rsync -av /data/exports/ backup:/exports/").after(seconds(0));
        driver.pipe(use,
                aBashProgress(use.toolUseId()).elapsed(2).output("sending incremental file list\nexports/a.csv").after(seconds(2)),
                aBashError(use.toolUseId(), 12, "rsync: connection unexpectedly closed (0 bytes received so far) [sender]\n"
                        + "rsync error: error in rsync protocol data stream (code 12) at io.c(232)").after(seconds(3)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(new Seen("data-sync",
                "rsync | rsync: connection unexpectedly closed (N bytes received so far) [sender]", 1, 0));
    }

    @Test
    void aTestFailureAPipeHidesFromTheExitCodeIsAHiddenFailure() {
        Line use = aBashToolUse("mix test 2>&1 | tail -5").after(seconds(0));
        driver.pipe(use, aToolResult(use.toolUseId(), "Finished in 1.9 seconds\n14 doctests, 297 tests, 11 failures").after(seconds(3)));

        assertThat(driver.alerts()).extracting(Seen::of)
                .containsExactly(new Seen("hidden-failure", "mix test | N doctests, N tests, N failures", 1, 0));
    }

    @Test
    void apiErrorRetriesAreOneAlert() {
        driver.pipe(anApiError(529).after(seconds(0)), anApiError(529).after(seconds(2)), anApiError(529).after(seconds(6)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(new Seen("api-error", "api-error", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void anAutomaticCompactionIsOneContextOverflowThoughBoundaryAndSummaryBothShowIt() {
        Line boundary = aCompactBoundary().after(seconds(0));
        driver.pipe(aUserPrompt("load all 40 tables and join them").after(seconds(-60)),
                boundary, aCompactSummary().parentUuid(boundary.uuid()).after(seconds(1)));

        assertThat(driver.alerts()).extracting(Seen::of)
                .containsExactly(new Seen("context-overflow", "context-overflow", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aCompactionTheAnalystChoseIsNotAnOverflow() {
        Line boundary = aCompactBoundary("manual").after(seconds(0));
        driver.pipe(boundary, aCompactSummary().parentUuid(boundary.uuid()).after(seconds(1)),
                aUserPrompt("<command-name>/compact</command-name>\n<command-message>compact</command-message>").after(seconds(1)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void theTranscriptBaseTimeIsTheSpecificationsClock() {
        driver.pipe(anApiError(529).at(T0));

        assertThat(driver.alerts()).singleElement().extracting(FrictionAlert::timestamp).isEqualTo(T0);
    }
}
