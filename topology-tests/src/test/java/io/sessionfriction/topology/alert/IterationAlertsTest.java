package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aHookProgress;
import static io.sessionfriction.topology.TranscriptLines.aStopHook;
import static io.sessionfriction.topology.TranscriptLines.aToolError;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aToolUse;
import static io.sessionfriction.topology.TranscriptLines.aTurnDuration;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAnswer;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Normal iteration is a signal, not an alert: a failing step the agent fixes is nothing. It becomes an
 * alert when the agent gives up on it (says it cannot go on, or stops to ask the analyst), and a claim of
 * success over a step that has not succeeded since is an alert of its own.
 */
class IterationAlertsTest extends AlertSpecification {

    @Test
    void aFailingTestTheAgentFixesIsNoAlert() {
        Line run = aBashToolUse("mix test test/churn_test.exs").after(seconds(0));
        Line edit = aToolUse("Edit").input("file_path", "/home/analyst/churn/lib/churn.ex").after(seconds(10));
        Line rerun = aBashToolUse("mix test test/churn_test.exs").after(seconds(20));
        driver.pipe(aUserPrompt("fix the churn test").after(seconds(-5)),
                run, aHookProgress("PostToolUseFailure", run.toolUseId()).after(seconds(3)),
                aBashError(run.toolUseId(), 2, "1) test churn by plan (ChurnTest)\n  ** (KeyError) key :region not found").after(seconds(3)),
                edit, aToolResult(edit.toolUseId(), "The file /home/analyst/churn/lib/churn.ex has been updated successfully.").after(seconds(11)),
                rerun, aToolResult(rerun.toolUseId(), "5 tests, 0 failures").after(seconds(25)),
                anAssistantText("All tests pass now.").after(seconds(27)), aStopHook().after(seconds(27)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void staleEditsUnreadFilesAndKnockOnsAreNormalIteration() {
        Line edit = aToolUse("Edit").input("file_path", "/home/analyst/churn/lib/a.ex").after(seconds(0));
        Line write = aToolUse("Write").input("file_path", "/home/analyst/churn/lib/b.ex").after(seconds(1));
        Line sibling = aToolUse("Read").input("file_path", "/home/analyst/churn/lib/c.ex").after(seconds(1));
        Line read = aToolUse("Read").input("file_path", "/home/analyst/churn/lib/a.ex").after(seconds(5));
        Line again = aToolUse("Edit").input("file_path", "/home/analyst/churn/lib/a.ex").after(seconds(8));
        driver.pipe(edit, aToolError(edit.toolUseId(), "<tool_use_error>String to replace not found in file.\nString: defp run do</tool_use_error>")
                        .after(seconds(1)),
                write, aToolError(write.toolUseId(), "<tool_use_error>File has not been read yet. Read it first before writing to it.</tool_use_error>")
                        .after(seconds(2)),
                sibling, aToolError(sibling.toolUseId(), "<tool_use_error>Sibling tool call errored</tool_use_error>").after(seconds(2)),
                read, aToolResult(read.toolUseId(), "defmodule A do\nend").after(seconds(6)),
                again, aToolResult(again.toolUseId(), "The file has been updated successfully.").after(seconds(9)),
                anAssistantText("Updated lib/a.ex.").after(seconds(10)), aTurnDuration().after(seconds(10)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aFailureTheAgentGivesUpOnIsAToolErrorOnItsOwnLine() {
        Line build = aBashToolUse("dbt run --select finance").after(seconds(0));
        Line failure = aBashError(build.toolUseId(), 1, "Database Error in model stg_invoices\n  relation \"raw.invoices\" is locked")
                .after(seconds(30));
        driver.pipe(aUserPrompt("rebuild the finance models").after(seconds(-10)), build, failure,
                anAssistantText("I couldn't rebuild the models: raw.invoices is locked by another job. You'll need to wait for it.")
                        .after(seconds(33)));

        assertThat(driver.alerts()).isEmpty();

        driver.pipe(aStopHook().after(seconds(33)));
        FrictionAlert alert = driver.alerts().get(0);
        assertThat(Seen.of(alert)).isEqualTo(new Seen("tool-error", "Bash | dbt run | Database Error in model stg_invoices", 1, 0));
        assertThat(alert.evidence()).containsExactly(new FrictionAlert.Evidence(failure.uuid(), failure.timestamp(),
                "gave up: Database Error in model stg_invoices"));
        assertThat(alert.context().command()).isEqualTo("dbt run --select finance");
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aFailureTheAgentStopsToAskAboutIsAToolError() {
        Line commit = aBashToolUse("git commit -m 'Add the churn chart'").after(seconds(0));
        Line ask = aToolUse("AskUserQuestion").after(seconds(30));
        driver.pipe(commit, aBashError(commit.toolUseId(), 1, "Pre-commit validation failed: [CREDO] 5 issues in files not changed here")
                        .after(seconds(25)),
                anAssistantText("The hook blocks on issues in files I did not touch.").after(seconds(28)), ask);

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Bash | git commit | Pre-commit validation failed: [CREDO] N issues in files not changed here", 1, 0));

        driver.pipe(anAnswer(ask.toolUseId(), "How should we proceed?", "fix the issues").after(seconds(600)));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void endingATurnOnAFailureWithoutGivingUpIsNothing() {
        Line read = aToolUse("Read").input("file_path", "/tmp/claude-1000/tasks/bd0afab.output").after(seconds(0));
        driver.pipe(read, aToolError(read.toolUseId(), "<tool_use_error>File does not exist.</tool_use_error>").after(seconds(1)),
                anAssistantText("That was a stale task from the previous session; its output is gone and nothing depends on it.")
                        .after(seconds(3)), aStopHook().after(seconds(3)), aUserPrompt("did you push?").after(seconds(600)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void claimingSuccessRightAfterAFailedStepIsSuccessAfterFailure() {
        Line commit = aBashToolUse("git add -A && git commit --no-verify -m 'feat: trace hooks'").after(seconds(0));
        Line close = aBashToolUse("bd close spotter-4te.3").after(seconds(30));
        Line claim = anAssistantText("Perfect! I have successfully completed two full tasks in this work session.").after(seconds(40));
        driver.pipe(aUserPrompt("implement the tracing tasks").after(seconds(-600)),
                commit, aBashError(commit.toolUseId(), 1, "Pre-commit validation failed: [DIALYZER] pattern can never match").after(seconds(22)),
                close, aToolResult(close.toolUseId(), "✓ Closed spotter-4te.3").after(seconds(31)),
                claim, aStopHook().after(seconds(40)));

        FrictionAlert alert = driver.alerts().get(0);
        assertThat(Seen.of(alert)).isEqualTo(new Seen("success-after-failure", "success-after-failure", 1, 0));
        assertThat(alert.evidence()).containsExactly(new FrictionAlert.Evidence(claim.uuid(), claim.timestamp(),
                "claims success after a failed git commit: Pre-commit validation failed: [DIALYZER] pattern can never match"));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void claimingSuccessOverAFailureAPipeHidIsSuccessAfterFailure() {
        Line tests = aBashToolUse("mix test 2>&1 | tail -5").after(seconds(0));
        driver.pipe(tests, aToolResult(tests.toolUseId(), "14 doctests, 297 tests, 3 failures").after(seconds(5)),
                anAssistantText("All tests pass. The feature is complete.").after(seconds(8)), aTurnDuration().after(seconds(8)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("hidden-failure", "mix test | N doctests, N tests, N failures", 1, 0),
                new Seen("success-after-failure", "success-after-failure", 1, 0));
    }

    @Test
    void narrationBetweenStepsIsNoClaim() {
        Line tests = aBashToolUse("pytest tests/test_churn.py").after(seconds(0));
        Line edit = aToolUse("Edit").input("file_path", "/home/analyst/churn/churn.py").after(seconds(8));
        driver.pipe(tests, aBashError(tests.toolUseId(), 1, "FAILED tests/test_churn.py::test_rate - KeyError: 'plan'").after(seconds(4)),
                anAssistantText("Fixed the import, it should work now; running again.").after(seconds(6)),
                edit, aToolResult(edit.toolUseId(), "The file has been updated successfully.").after(seconds(9)));

        assertThat(driver.alerts()).isEmpty();
    }
}
