package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBackgroundedResult;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aCompactBoundary;
import static io.sessionfriction.topology.TranscriptLines.aCompactSummary;
import static io.sessionfriction.topology.TranscriptLines.aHookProgress;
import static io.sessionfriction.topology.TranscriptLines.aToolError;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anApiError;
import static io.sessionfriction.topology.TranscriptLines.anInterruptedResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Specifications of the line rules: given these transcript lines, exactly these alerts on
 * friction-alerts, and nothing else.
 */
class LineRuleAlertsTest {

    private final AlertDriver driver = AlertDriver.start();

    @AfterEach
    void close() {
        driver.close();
    }

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

    @Test
    void aFailedBashCommandIsOneToolErrorThoughItsHookAndResultBothSayIt() {
        Line use = aBashToolUse("mix test").after(seconds(0));
        driver.pipe(use,
                aHookProgress("PostToolUseFailure", use.toolUseId()).after(seconds(3)),
                aBashError(use.toolUseId(), 2, "3 tests, 1 failure").after(seconds(3)));

        assertThat(driver.alerts()).extracting(Seen::of)
                .containsExactly(new Seen("tool-error", "Bash | mix test", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aPermissionDeniedInRunningOutputIsOneAlertForTheCommand() {
        Line use = aBashToolUse("find / -name '*.parquet'").after(seconds(0));
        String denied = "/data/a.parquet\nfind: '/root': Permission denied";
        driver.pipe(use,
                aBashProgress(use.toolUseId()).elapsed(2).output(denied).after(seconds(2)),
                aBashProgress(use.toolUseId()).elapsed(3).output(denied).after(seconds(3)),
                aToolResult(use.toolUseId(), denied).after(seconds(4)));

        assertThat(driver.alerts()).extracting(Seen::of)
                .containsExactly(new Seen("permission-denied", "find / -name '*.parquet'", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aMissingCommandIsFingerprintedByItsErrorLine() {
        Line first = aBashToolUse("tree src").after(seconds(0));
        Line second = aBashToolUse("tree lib").after(seconds(20));
        driver.pipe(first, aBashError(first.toolUseId(), 127, "(eval):1: command not found: tree").after(seconds(1)),
                second, aBashError(second.toolUseId(), 127, "(eval):1: command not found: tree").after(seconds(21)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Bash | tree src", 1, 0),
                new Seen("command-not-found", "(eval):N: command not found: tree", 1, 0),
                new Seen("tool-error", "Bash | tree lib", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aRejectedSshKeyIsAnAuthFailure() {
        Line use = aBashToolUse("git push origin main").after(seconds(0));
        driver.pipe(use, aBashError(use.toolUseId(), 128, "git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.")
                .after(seconds(2)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Bash | git push origin main", 1, 0),
                new Seen("permission-denied", "git push origin main", 1, 0),
                new Seen("auth-failure", "git@github.com: Permission denied (publickey).", 1, 0));
    }

    @Test
    void aTimedOutConnectionIsATimeout() {
        Line use = aBashToolUse("psql -h warehouse -c 'select 1'").after(seconds(0));
        driver.pipe(use, aBashError(use.toolUseId(), 2,
                "psql: error: connection to server at \"warehouse\" (10.0.0.5), port 5432 failed: Connection timed out").after(seconds(30)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Bash | psql -h warehouse -c 'select <n>'", 1, 0),
                new Seen("timeout", "psql -h warehouse -c 'select <n>'", 1, 0));
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

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Bash | python churn.py", 1, 0),
                new Seen("python-env", "ModuleNotFoundError: No module named 'pandas'", 1, 0),
                new Seen("tool-error", "Bash | python3 churn.py --weekly", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void anRsyncFailureIsADataSyncAlert() {
        Line use = aBashToolUse("rsync -av /data/exports/ backup:/exports/").after(seconds(0));
        driver.pipe(use,
                aBashProgress(use.toolUseId()).elapsed(2).output("sending incremental file list\nexports/a.csv").after(seconds(2)),
                aBashError(use.toolUseId(), 12, "rsync: connection unexpectedly closed (0 bytes received so far) [sender]\n"
                        + "rsync error: error in rsync protocol data stream (code 12) at io.c(232)").after(seconds(3)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Bash | rsync -av /data/exports/ backup:/exports/", 1, 0),
                new Seen("data-sync", "rsync -av /data/exports/ backup:/exports/", 1, 0));
    }

    @Test
    void apiErrorRetriesAreOneAlert() {
        driver.pipe(anApiError(529).after(seconds(0)), anApiError(529).after(seconds(2)), anApiError(529).after(seconds(6)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(new Seen("api-error", "api-error", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aCompactionIsOneContextOverflowThoughBoundaryAndSummaryBothShowIt() {
        Line boundary = aCompactBoundary().after(seconds(0));
        driver.pipe(aUserPrompt("load all 40 tables and join them").after(seconds(-60)),
                boundary, aCompactSummary().parentUuid(boundary.uuid()).after(seconds(1)));

        assertThat(driver.alerts()).extracting(Seen::of)
                .containsExactly(new Seen("context-overflow", "context-overflow", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void frustrationAndRepeatedQuestionsAreUserConfusion() {
        driver.pipe(aUserPrompt("plot weekly active users by region").after(seconds(0)),
                aUserPrompt("Plot weekly active users by region.").after(seconds(90)),
                aUserPrompt("still not working, the chart is empty").after(seconds(200)),
                aUserPrompt("yes").after(seconds(210)),
                aUserPrompt("yes").after(seconds(220)));

        List<FrictionAlert> alerts = driver.alerts();
        assertThat(alerts).extracting(Seen::of)
                .containsExactly(new Seen("user-confusion", "user-confusion", 1, 0));
        assertThat(alerts.get(0).evidence()).extracting(FrictionAlert.Evidence::excerpt)
                .containsExactly("asked again: Plot weekly active users by region.");
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void injectedRemindersAndASubagentsPromptsAreNotTheAnalystAskingAgain() {
        String reminder = "<system-reminder>\nPostToolUse:Edit hook additional context: [COMPILE ERROR]\n</system-reminder>";
        driver.pipe(aUserPrompt(reminder).with("isMeta", true).after(seconds(0)),
                aUserPrompt(reminder).with("isMeta", true).after(seconds(30)),
                aUserPrompt("Find why the export still fails").with("isSidechain", true).after(seconds(40)),
                aUserPrompt("Find why the export still fails").with("isSidechain", true).after(seconds(50)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aRejectedEditIsAUserRejection() {
        Line edit = aToolUse("Edit").input("file_path", "/home/analyst/projects/churn/model.py").after(seconds(0));
        driver.pipe(edit, aToolError(edit.toolUseId(),
                "The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file).")
                .after(seconds(5)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Edit", 1, 0),
                new Seen("user-rejection", "user-rejection", 1, 0));
    }

    @Test
    void anInterruptedCommandIsAUserRejection() {
        Line use = aBashToolUse("python train.py").after(seconds(0));
        driver.pipe(use, anInterruptedResult(use.toolUseId()).after(seconds(9)),
                aUserPrompt("[Request interrupted by user for tool use]").after(seconds(9)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Bash | python train.py", 1, 0),
                new Seen("user-rejection", "user-rejection", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void theTranscriptBaseTimeIsTheSpecificationsClock() {
        driver.pipe(anApiError(529).at(T0));

        assertThat(driver.alerts()).singleElement().extracting(FrictionAlert::timestamp).isEqualTo(T0);
    }
}
