package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aRejectedToolUse;
import static io.sessionfriction.topology.TranscriptLines.aSessionStartHook;
import static io.sessionfriction.topology.TranscriptLines.aStopHook;
import static io.sessionfriction.topology.TranscriptLines.aToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAnswer;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static io.sessionfriction.topology.TranscriptLines.anInterruptedResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * The analyst's reactions, read from the conversation: confusion and frustration (user-confusion), and
 * refusals or stops (user-rejection), told from rephrasing and from approving a plan.
 */
class UserReactionAlertsTest extends AlertSpecification {

    private List<String> excerpts(List<FrictionAlert> alerts) {
        return alerts.stream().map(alert -> alert.evidence().get(alert.evidence().size() - 1).excerpt()).toList();
    }

    @Test
    void sayingItStillDoesNotWorkRightAfterTheAgentReportedItDoneIsConfusion() {
        driver.pipe(aUserPrompt("the dashboard chart is empty, fix it").after(seconds(0)),
                anAssistantText("Fixed: the chart now reads out/q1_revenue.csv.").after(seconds(30)), aStopHook().after(seconds(30)),
                aUserPrompt("it's still empty").after(seconds(90)));

        List<FrictionAlert> alerts = driver.alerts();
        assertThat(alerts).extracting(Seen::of).containsExactly(new Seen("user-confusion", "user-confusion", 1, 0));
        assertThat(excerpts(alerts)).containsExactly("after the agent reported it done: it's still empty");
    }

    @Test
    void askingWhyItKeepsFailingAfterATurnOfFailuresIsConfusion() {
        Line export = aBashToolUse("psql -h warehouse.internal -f queries/q1.sql").after(seconds(0));
        driver.pipe(export, aBashError(export.toolUseId(), 2, "psql: error: connection to server failed: FATAL:  database \"analytics\" is locked")
                        .after(seconds(2)),
                anAssistantText("Retrying the export.").after(seconds(3)), aStopHook().after(seconds(3)),
                aUserPrompt("why does it keep failing?").after(seconds(20)));

        assertThat(excerpts(driver.alerts())).containsExactly("after the agent's failed steps: why does it keep failing?");
    }

    @Test
    void askingWhyTheAgentDidSomethingIsConfusionAnywhere() {
        driver.pipe(aUserPrompt("add a region column").after(seconds(0)),
                aUserPrompt("why did you drop the plan column?").after(seconds(60)));

        assertThat(excerpts(driver.alerts())).containsExactly("asks why the agent did it: why did you drop the plan column?");
    }

    @Test
    void theSameQuestionAskedAgainIsConfusionButAShortReplyIsNot() {
        driver.pipe(aUserPrompt("plot weekly active users by region").after(seconds(0)),
                aUserPrompt("Plot weekly active users by region.").after(seconds(90)),
                aUserPrompt("yes").after(seconds(210)),
                aUserPrompt("yes").after(seconds(220)));

        assertThat(excerpts(driver.alerts())).containsExactly("asked again: Plot weekly active users by region.");
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aProblemInTheOpeningRequestOrAQuestionAfterSuccessIsNoReaction() {
        driver.pipe(aUserPrompt("mix phx.server doesnt seem to start, scrolling still does not work").after(seconds(0)),
                anAssistantText("Done: the server starts and scrolling works.").after(seconds(60)), aStopHook().after(seconds(60)),
                aUserPrompt("did you push?").after(seconds(600)),
                aUserPrompt("great, now add the error handling for empty files").after(seconds(700)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void injectedRemindersAndASubagentsPromptsAreNotTheAnalyst() {
        String reminder = "<system-reminder>\nPostToolUse:Edit hook additional context: [COMPILE ERROR]\n</system-reminder>";
        driver.pipe(aUserPrompt(reminder).with("isMeta", true).after(seconds(0)),
                aUserPrompt(reminder).with("isMeta", true).after(seconds(30)),
                aUserPrompt("Find why the export still fails").with("isSidechain", true).with("agentId", "a1").after(seconds(40)),
                aUserPrompt("Find why the export still fails").with("isSidechain", true).with("agentId", "a1").after(seconds(50)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aRefusedCallIsOneRejectionThoughItsInterruptLineFollows() {
        Line use = aBashToolUse("mix phx.server 2>&1 | head -80").after(seconds(0));
        Line glob = aToolUse("Glob").input("pattern", "mix.exs").after(seconds(0));
        driver.pipe(aUserPrompt("mix phx.server doesnt seem to start").after(seconds(-5)), use, glob,
                aRejectedToolUse(use.toolUseId()).after(seconds(6)),
                aUserPrompt("[Request interrupted by user for tool use]").after(seconds(6)));

        List<FrictionAlert> alerts = driver.alerts();
        assertThat(alerts).extracting(Seen::of).containsExactly(new Seen("user-rejection", "user-rejection", 1, 0));
        assertThat(excerpts(alerts)).containsExactly("refused Bash: mix phx.server 2>&1 | head -80");
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aCommandStoppedWhileItRanIsARejection() {
        Line use = aBashToolUse("python scripts/rebuild_cache.py --all").after(seconds(0));
        driver.pipe(use, anInterruptedResult(use.toolUseId()).after(seconds(14)),
                aUserPrompt("[Request interrupted by user for tool use]").after(seconds(14)),
                aUserPrompt("stop, that takes forever").after(seconds(19)));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(new Seen("user-rejection", "user-rejection", 1, 0));
    }

    @Test
    void anInterruptSecondsAfterTheAnalystsOwnWordIsRephrasingAndLaterItIsAStop() {
        driver.pipe(aUserPrompt("start phoenix in background").after(seconds(0)),
                aUserPrompt("[Request interrupted by user]").after(seconds(3)),
                aUserPrompt("start phoenix in the background and then open the dashboard").after(seconds(8)));

        assertThat(driver.alerts()).isEmpty();

        driver.pipe(aUserPrompt("[Request interrupted by user]").after(seconds(40)));

        assertThat(excerpts(driver.alerts())).containsExactly("interrupted the agent 32 s after the analyst's last word");
    }

    @Test
    void approvingAPlanIsTheAnalystsWordToo() {
        Line plan = aToolUse("ExitPlanMode").after(seconds(0));
        driver.pipe(aUserPrompt("plan the linting setup").after(seconds(-300)), plan,
                anAnswer(plan.toolUseId(), "plan", "approved").after(seconds(110)),
                aUserPrompt("[Request interrupted by user]").after(seconds(112)),
                aUserPrompt("create the beads").after(seconds(114)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aPlanApprovedByClearingTheContextIsNoRejectionButARefusedPlanIs() {
        Line approved = aToolUse("ExitPlanMode").after(seconds(0));
        driver.pipe(approved, aRejectedToolUse(approved.toolUseId()).after(seconds(60)),
                aSessionStartHook("clear").after(seconds(61)),
                aUserPrompt("Implement the following plan:\n\n# Plan: add the churn chart").after(seconds(61)));

        assertThat(driver.alerts()).isEmpty();

        Line refused = aToolUse("ExitPlanMode").after(seconds(300));
        Line refusal = aRejectedToolUse(refused.toolUseId()).after(seconds(360));
        driver.pipe(refused, refusal, aUserPrompt("no, keep the old chart and only fix the axis").after(seconds(380)));

        List<FrictionAlert> alerts = driver.alerts();
        assertThat(alerts).extracting(Seen::of).containsExactly(new Seen("user-rejection", "user-rejection", 1, 0));
        assertThat(alerts.get(0).evidence()).extracting(FrictionAlert.Evidence::uuid).containsExactly(refusal.uuid());
    }
}
