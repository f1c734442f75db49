package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.alert.FailingRuns.failingRuns;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.topology.TranscriptLines.Line;

/** Specifications of the stateful rules: retry loops and slow commands. */
class StatefulAlertsTest {

    private final AlertDriver driver = AlertDriver.start();

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void fiftyIdenticalFailuresAreOneAlertPerRuleWithTwoEscalations() {
        driver.pipe(failingRuns("python load.py --table events", 50, 0));

        List<FrictionAlert> alerts = driver.alerts();
        assertThat(alerts).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Bash | python load.py --table events", 1, 0),
                new Seen("retry-loop", "python load.py --table events", 3, 0),
                // A loop counts runs: the 5th run starts before the 5th failure is reported.
                new Seen("retry-loop", "python load.py --table events", 5, 1),
                new Seen("tool-error", "Bash | python load.py --table events", 5, 1),
                new Seen("retry-loop", "python load.py --table events", 25, 2),
                new Seen("tool-error", "Bash | python load.py --table events", 25, 2));
        // Re-emissions of one alert keep its id: a consumer overwriting by alertId holds two alerts.
        assertThat(alerts.stream().map(FrictionAlert::alertId).distinct()).hasSize(2);
        // Each failure writes its hook line, then its result: the result, the latest word, is the evidence.
        // (The 5th failure's result comes after its emission: the 25th's emission shows the 21st to 24th results.)
        assertThat(alerts.get(3).evidence()).extracting(FrictionAlert.Evidence::excerpt)
                .containsExactly("Error: Exit code 1", "Error: Exit code 1", "Error: Exit code 1", "Error: Exit code 1", "PostToolUseFailure:Bash");
        assertThat(alerts.get(5).evidence()).extracting(FrictionAlert.Evidence::excerpt)
                .containsExactly("Error: Exit code 1", "Error: Exit code 1", "Error: Exit code 1", "Error: Exit code 1", "PostToolUseFailure:Bash");
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aLoopIsCountedWithinOneActiveBlock() {
        String command = "dbt run --select churn";
        driver.pipe(failingRuns(command, 2, 0));
        // 20 minutes of silence: a new active block, and the loop count starts over.
        driver.pipe(failingRuns(command, 2, 1200));

        assertThat(driver.alerts()).extracting(Seen::of)
                .containsExactly(new Seen("tool-error", "Bash | dbt run --select churn", 1, 0));
        assertThat(driver.alerts()).isEmpty();

        driver.pipe(failingRuns(command, 1, 1260));

        assertThat(driver.alerts()).extracting(Seen::of)
                .containsExactly(new Seen("tool-error", "Bash | dbt run --select churn", 5, 1),
                        new Seen("retry-loop", "dbt run --select churn", 3, 0));
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

        assertThat(driver.alerts()).extracting(Seen::of).containsExactly(
                new Seen("retry-loop", "bq query 'select count(*) from events where day = <n>'", 10, 1));
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
        assertThat(alerts).extracting(Seen::of)
                .containsExactly(new Seen("slow-command", "rsync -av /data/raw/ archive:/raw/", 1, 0));
        FrictionAlert slow = alerts.get(0);
        assertThat(slow.timestamp()).isEqualTo(lines.get(119).timestamp());
        assertThat(slow.evidence()).extracting(FrictionAlert.Evidence::excerpt)
                .containsExactly("still running after 120 s (threshold 120 s)");
        assertThat(slow.context().description()).isEqualTo("Archive raw exports");

        driver.pipe(aToolResult(use.toolUseId(), "sent 10 GB").after(Duration.ofSeconds(151)));
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
