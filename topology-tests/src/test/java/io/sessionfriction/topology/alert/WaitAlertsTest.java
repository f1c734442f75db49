package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.aBackgroundedResult;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aHookProgress;
import static io.sessionfriction.topology.TranscriptLines.aTaskOutputResult;
import static io.sessionfriction.topology.TranscriptLines.aTaskOutputWait;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAnswer;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Time lost waiting: for the analyst's approval before a call starts, for a PreToolUse hook, for a
 * background task. A wait is known when the call's first progress line dates its start, or when its
 * result arrives; a call that waits by design (a question, a plan review) is not a wait.
 */
class WaitAlertsTest extends AlertSpecification {

    private static Line promptIn(String permissionMode) {
        return aUserPrompt("create the beads").with("permissionMode", permissionMode).after(seconds(-10));
    }

    @Test
    void aCallWithoutProgressWhoseResultComesMinutesLaterWaitedForApproval() {
        Line use = aBashToolUse("bd create --title='Install credo'").after(seconds(0));
        driver.pipe(promptIn("default"), use);
        assertThat(driver.alerts()).isEmpty();

        driver.pipe(aToolResult(use.toolUseId(), "✓ Created issue: spotter-0p7.1").after(seconds(300)));

        FrictionAlert alert = driver.alerts().get(0);
        assertThat(Seen.of(alert)).isEqualTo(new Seen("approval-wait", "Bash", 1, 0));
        assertThat(alert.secondsLost()).isEqualTo(298.0);
        assertThat(alert.evidence()).extracting(FrictionAlert.Evidence::excerpt).containsExactly("waited 298 s for approval before it started");
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void theFirstProgressLineDatesTheStartSoTheWaitIsKnownWhileTheCommandRuns() {
        Line use = aBashToolUse("rsync -a /data/raw/ archive:/raw/").after(seconds(0));
        driver.pipe(promptIn("acceptEdits"), use, aBashProgress(use.toolUseId()).elapsed(2).after(seconds(3602)));

        assertThat(driver.alerts()).extracting(Seen::of, FrictionAlert::secondsLost)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new Seen("approval-wait", "Bash", 1, 0), 3600.0));
    }

    @Test
    void aCallQueuedBehindAnothersApprovalWaitedForThatOneNotForItsOwn() {
        Line first = aBashToolUse("bd create --title='Install credo'").after(seconds(0));
        Line second = aBashToolUse("bd create --title='Add mix quality'").after(seconds(2));
        driver.pipe(promptIn("default"), first, second,
                aToolResult(first.toolUseId(), "✓ Created issue: spotter-0p7.1").after(seconds(63)),
                aHookProgress("PreToolUse", second.toolUseId()).after(seconds(63)),
                aToolResult(second.toolUseId(), "✓ Created issue: spotter-0p7.2").after(seconds(65)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(new Seen("approval-wait", "Bash", 1, 0));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void withPermissionsBypassedALongWaitBeforeTheStartIsItsPreToolUseHooks() {
        Line commit = aBashToolUse("git add lib/ && git commit -m 'feat: annotations'").after(seconds(0));
        driver.pipe(promptIn("bypassPermissions"), commit, aHookProgress("PreToolUse", commit.toolUseId()).after(seconds(0)),
                aBashProgress(commit.toolUseId()).elapsed(2).after(seconds(183)),
                aToolResult(commit.toolUseId(), "[spotter-gqc ceff8c3] feat: annotations").after(seconds(184)));

        assertThat(driver.alerts()).extracting(Seen::of, FrictionAlert::secondsLost)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new Seen("hook-wait", "Bash | git commit", 1, 0), 181.0));
    }

    @Test
    void aCommandMovedToTheBackgroundAtItsTimeoutRanUntilItAndDidNotWait() {
        Line extract = aBashToolUse("python scripts/extract_single.py books/atlas.epub").input("timeout", 600000).after(seconds(0));
        driver.pipe(promptIn("default"), extract, aBackgroundedResult(extract.toolUseId(), "b2f8b9").after(seconds(600)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aQuickCallAQuestionOrAPlanReviewIsNoWait() {
        Line quick = aBashToolUse("git status").after(seconds(0));
        Line ask = aToolUse("AskUserQuestion").after(seconds(5));
        Line plan = aToolUse("ExitPlanMode").after(seconds(2000));
        driver.pipe(promptIn("default"), quick, aToolResult(quick.toolUseId(), "nothing to commit").after(seconds(50)),
                ask, anAnswer(ask.toolUseId(), "Which rig?", "No rig").after(seconds(1140)),
                plan, aToolResult(plan.toolUseId(), "User has approved your plan.").after(seconds(2459)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void waitingOnABackgroundTaskNamesTheCommandItWaitsFor() {
        Line tests = aBashToolUse("mix test test/spotter/renderer_test.exs 2>&1").input("timeout", 60000).after(seconds(0));
        Line firstWait = aTaskOutputWait("be613ab").after(seconds(70));
        Line secondWait = aTaskOutputWait("be613ab").after(seconds(195));
        Line quickLook = aTaskOutputWait("be613ab").after(seconds(500));
        driver.pipe(tests, aBashProgress(tests.toolUseId()).elapsed(2).after(seconds(2)),
                aBackgroundedResult(tests.toolUseId(), "be613ab").after(seconds(61)),
                firstWait, aTaskOutputResult(firstWait.toolUseId(), "be613ab", "timeout").after(seconds(190)),
                secondWait, aTaskOutputResult(secondWait.toolUseId(), "be613ab", "success").after(seconds(286)),
                quickLook, aTaskOutputResult(quickLook.toolUseId(), "be613ab", "success").after(seconds(501)));

        java.util.List<FrictionAlert> alerts = driver.alerts();
        assertThat(alerts).extracting(Seen::of).containsExactly(new Seen("background-wait", "mix test", 1, 0));
        assertThat(alerts.get(0).context().command()).isEqualTo("mix test test/spotter/renderer_test.exs 2>&1");
        assertThat(alerts.get(0).evidence()).extracting(FrictionAlert.Evidence::excerpt)
                .containsExactly("waited 120 s for background task be613ab (timeout)");
        assertThat(driver.alertState(alerts.get(0).alertId()).path("alert").path("count").asLong()).isEqualTo(2);
        assertThat(driver.alertState(alerts.get(0).alertId()).path("alert").path("secondsLost").asDouble()).isEqualTo(211.0);
    }
}
