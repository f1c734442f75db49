package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.Counter;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Analysis mistake 4: a session that started before a fix still shows the fixed problem; its alert goes
 * to friction-alerts-suppressed with the fix's reference. A session started after the fix that shows it
 * again is a regression, and alerts as usual.
 */
class FixedProblemAlertsTest {

    private static final String MISSING_PANDAS = "Traceback (most recent call last):\nModuleNotFoundError: No module named 'pandas'";

    @TempDir
    Path dir;

    private FixesRegistry pandasInstalledAtOneHour() throws IOException {
        return FixesRegistry.load(Optional.of(Files.writeString(dir.resolve("fixes.yaml"), """
                - rule: python-env
                  pattern: "No module named 'pandas'"
                  fixedAt: 2026-02-11T21:00:00Z
                  reference: data-platform#42 (pandas in the analyst image)
                """)));
    }

    private static Line[] sessionMissingPandas(String session, Duration start) {
        Line prompt = aUserPrompt("plot churn").sessionId(session).after(start);
        Line use = aBashToolUse("python plot.py").sessionId(session).after(start.plusSeconds(30));
        return new Line[] {prompt, use, aBashError(use.toolUseId(), 1, MISSING_PANDAS).sessionId(session).after(start.plusSeconds(31))};
    }

    @Test
    void anAlertFromASessionThatStartedBeforeTheFixIsSuppressedWithItsReference() throws IOException {
        try (AlertDriver driver = AlertDriver.start(pandasInstalledAtOneHour())) {
            // Started at 20:00 (T0), the fix shipped at 21:00; the failure itself is at 21:10, in the same session.
            driver.pipe("before-fix", aUserPrompt("plot churn").sessionId("before-fix").after(Duration.ZERO));
            driver.pipe("before-fix", sessionMissingPandas("before-fix", Duration.ofMinutes(70)));

            assertThat(driver.suppressed()).extracting(Seen::of, FrictionAlert::suppressedBy).containsExactly(
                    tuple(new Seen("python-env", "ModuleNotFoundError: No module named 'pandas'", 1, 0),
                            "data-platform#42 (pandas in the analyst image)"));
            // The failure is the missing module's: no generic tool-error beside it.
            assertThat(driver.alerts()).isEmpty();
        }
    }

    @Test
    void publishedAlertsAreCountedByRuleSeverityAndWhetherSuppressedEveryOtherRulesAtZero() throws IOException {
        try (AlertDriver driver = AlertDriver.start(pandasInstalledAtOneHour())) {
            driver.pipe("before-fix", aUserPrompt("plot churn").sessionId("before-fix").after(Duration.ZERO));
            driver.pipe("before-fix", sessionMissingPandas("before-fix", Duration.ofMinutes(70)));

            String alerts = MeteredProcessorEvents.ALERTS;
            assertThat(driver.meters().counter(alerts, "rule", "python-env", "severity", "high", "suppressed", "true")
                    .count()).isEqualTo(1.0);
            assertThat(driver.meters().find(alerts).counters()).as("each shipped rule, suppressed or not")
                    .hasSize(2 * RuleCatalogue.defaults().rules().size())
                    .extracting(Counter::count).containsOnly(0.0, 1.0).filteredOn(count -> count == 1.0).hasSize(1);
        }
    }

    @Test
    void aSessionStartedAfterTheFixAlertsAsUsual() throws IOException {
        try (AlertDriver driver = AlertDriver.start(pandasInstalledAtOneHour())) {
            driver.pipe("after-fix", sessionMissingPandas("after-fix", Duration.ofMinutes(90)));

            assertThat(driver.alerts()).extracting(Seen::of, FrictionAlert::suppressedBy).containsExactly(
                    tuple(new Seen("python-env", "ModuleNotFoundError: No module named 'pandas'", 1, 0), null));
            assertThat(driver.suppressed()).isEmpty();
        }
    }
}
