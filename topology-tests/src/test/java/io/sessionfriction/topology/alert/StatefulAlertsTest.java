package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.alert.FailingRuns.failingRuns;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.topology.TranscriptLines.Line;

/** Specifications of the stateful rules: retry loops, slow commands, exact counts. */
class StatefulAlertsTest extends AlertSpecification {

    @Test
    void fiftyIdenticalFailuresAreOneAlertWithTwoEscalationsAndTheTrueTotalInItsState() {
        driver.pipe(failingRuns("python load.py --table events", 50, 0));

        List<FrictionAlert> alerts = driver.alerts();
        assertThat(alerts).extracting(Seen::of).containsExactly(
                new Seen("retry-loop", "python load.py", 3, 0),
                new Seen("retry-loop", "python load.py", 5, 1),
                new Seen("retry-loop", "python load.py", 25, 2));
        assertThat(alerts.stream().map(FrictionAlert::alertId).distinct()).hasSize(1);
        // Each failure writes its hook line, then its result: the result, the latest word, is the evidence.
        assertThat(alerts.get(2).evidence()).extracting(FrictionAlert.Evidence::excerpt).allSatisfy(excerpt ->
                assertThat(excerpt).startsWith("python load.py failed").endsWith("times in a row: Error: connection refused"));
        // Records come at the thresholds only; the alert's state has counted every failure.
        assertThat(driver.alertState(alerts.get(0).alertId()).path("alert").path("count").asLong()).isEqualTo(50);
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aLoopIsCountedWithinOneActiveBlock() {
        String command = "dbt run --select churn";
        driver.pipe(failingRuns(command, 2, 0));
        // 20 minutes of silence: a new active block, and the loop count starts over.
        driver.pipe(failingRuns(command, 2, 1200));

        assertThat(driver.alerts()).isEmpty();

        driver.pipe(failingRuns(command, 1, 1260));

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(new Seen("retry-loop", "dbt run", 3, 0));
    }

    @Test
    void aRowOfDifferentFailuresIsProgressNotALoop() {
        String[] errors = {"1) test mount (Web.LiveTest)\n** (RuntimeException) no :secret_key_base in test config",
            "1) test mount (Web.LiveTest)\n** (UndefinedFunctionError) function LazyHTML.from_fragment/1 is undefined",
            "1) test list shows projects (Web.LiveTest)\nAssertion with =~ failed\ncode: assert html =~ \"Project not found\""};
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            Line use = aBashToolUse("mix test test/web/live_test.exs 2>&1").after(Duration.ofSeconds(i * 60L));
            lines.add(use);
            lines.add(aBashError(use.toolUseId(), 2, errors[i]).after(Duration.ofSeconds(i * 60L + 12)));
        }
        Line green = aBashToolUse("mix test test/web/live_test.exs 2>&1").after(Duration.ofSeconds(200));
        lines.add(green);
        lines.add(aToolResult(green.toolUseId(), "5 tests, 0 failures").after(Duration.ofSeconds(210)));
        driver.pipe(lines);

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void theSameCommandAgainAndAgainWithTheSameErrorWhateverItsArgumentsIsOneLoop() {
        Line first = aBashToolUse("git add -A && git commit -m 'feat: spans'").after(Duration.ofSeconds(0));
        Line second = aBashToolUse("git add -A && git commit -m 'feat: spans with a spec'").after(Duration.ofSeconds(40));
        Line third = aBashToolUse("git add -A && git commit --no-verify -m 'feat: spans'").after(Duration.ofSeconds(80));
        String blocked = "Pre-commit validation failed:\n[DIALYZER]\nlib/otel.ex:58:13:pattern_match The pattern can never match";
        driver.pipe(aUserPrompt("commit the tracing work").after(Duration.ofSeconds(-30)),
                first, aBashError(first.toolUseId(), 1, blocked).after(Duration.ofSeconds(25)),
                second, aBashError(second.toolUseId(), 1, blocked).after(Duration.ofSeconds(65)),
                third, aBashError(third.toolUseId(), 1, blocked).after(Duration.ofSeconds(105)));

        List<FrictionAlert> alerts = driver.alerts();
        assertThat(alerts).extracting(Seen::of).containsExactly(new Seen("retry-loop", "git commit", 3, 0));
        assertThat(alerts.get(0).evidence()).extracting(FrictionAlert.Evidence::excerpt)
                .containsExactly("git commit failed 3 times in a row: Pre-commit validation failed:");
    }

    @Test
    void theSameCommandRunTenTimesInABlockIsARetryLoopEvenWhenItSucceeds() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Line use = aBashToolUse("bq query 'select count(*) from events where day = " + (i + 1) + "'")
                    .after(Duration.ofSeconds(i * 30L));
            lines.add(use);
            lines.add(aToolResult(use.toolUseId(), "0").after(Duration.ofSeconds(i * 30L + 2)));
        }
        driver.pipe(lines);

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(new Seen("retry-loop", "bq query", 10, 1));
    }

    @Test
    void aSlowCommandIsAlertedOnceWhenItCrossesTheThresholdWhileStillRunning() {
        Line use = aBashToolUse("rsync -av /data/raw/ archive:/raw/").description("Archive raw exports").after(Duration.ZERO);
        List<Line> lines = new ArrayList<>(List.of(use));
        for (int elapsed = 2; elapsed <= 150; elapsed++) {
            lines.add(aBashProgress(use.toolUseId()).elapsed(elapsed).output("raw/part-" + elapsed + ".csv")
                    .after(Duration.ofSeconds(elapsed)));
        }
        driver.pipe(lines);

        List<FrictionAlert> alerts = driver.alerts();
        assertThat(alerts).extracting(Seen::of).containsExactly(new Seen("slow-command", "rsync", 1, 0));
        FrictionAlert slow = alerts.get(0);
        assertThat(slow.timestamp()).isEqualTo(lines.get(119).timestamp());
        assertThat(slow.evidence()).extracting(FrictionAlert.Evidence::excerpt)
                .containsExactly("still running after 120 s (threshold 120 s)");
        assertThat(slow.context().description()).isEqualTo("Archive raw exports");

        driver.pipe(aToolResult(use.toolUseId(), "sent 10 GB").after(Duration.ofSeconds(151)));
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aCommandThatWaitedForApprovalAndThenRanBrieflyIsNotSlow() {
        Line use = aBashToolUse("git push origin main").after(Duration.ZERO);
        // Nine hours waiting for the user, then two seconds of running.
        driver.pipe(aUserPrompt("push it").with("permissionMode", "bypassPermissions").after(Duration.ofSeconds(-5)), use,
                aBashProgress(use.toolUseId()).elapsed(2).after(Duration.ofHours(9).plusSeconds(2)),
                aToolResult(use.toolUseId(), "To github.com:analytics/churn.git").after(Duration.ofHours(9).plusSeconds(3)));

        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aCommandUnderTheThresholdIsNotSlow() {
        Line use = aBashToolUse("make report").after(Duration.ZERO);
        driver.pipe(use, aBashProgress(use.toolUseId()).elapsed(119).after(Duration.ofSeconds(119)),
                aToolResult(use.toolUseId(), "done").after(Duration.ofSeconds(120)));

        assertThat(driver.alerts()).isEmpty();
    }
}
