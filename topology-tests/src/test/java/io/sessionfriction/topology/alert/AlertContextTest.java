package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.TranscriptLines.CWD;
import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.rules.Severity;
import io.sessionfriction.topology.TranscriptLines.Line;

/** Every alert carries its context (analysis mistake 5) and a deterministic id. */
class AlertContextTest {

    private final Line first = aUserPrompt("open the churn notebook").after(Duration.ZERO);
    private final Line use = aBashToolUse("python churn.py --since 2026-01-01").description("Recompute churn").after(Duration.ofMinutes(4));
    private static final String REFUSED = "sqlalchemy.exc.OperationalError: FATAL:  password authentication failed for user \"alice\"";
    private final Line failure = aBashError(use.toolUseId(), 1, "Traceback (most recent call last):\n" + REFUSED).after(Duration.ofMinutes(5));
    private final List<Line> session = List.of(first,
            aUserPrompt("add a region column").after(Duration.ofMinutes(1)),
            aUserPrompt("use the 2026 data only").after(Duration.ofMinutes(2)),
            aUserPrompt("now recompute churn").after(Duration.ofMinutes(3)),
            use, failure);

    @Test
    void anAlertOnAResultNamesTheCommandItsDescriptionCwdAndTheLastPromptsBeforeIt() {
        try (AlertDriver driver = AlertDriver.start()) {
            driver.pipe(session);

            FrictionAlert alert = driver.alertTopic().readKeyValue().value;
            assertThat(alert.rule()).isEqualTo("auth-failure");
            assertThat(alert.sessionId()).isEqualTo(AlertDriver.SESSION);
            assertThat(alert.user()).isEqualTo(AlertDriver.USER);
            assertThat(alert.category()).isEqualTo("authentication");
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.labels()).containsExactly("security");
            assertThat(alert.fingerprint()).isEqualTo("python churn.py | " + REFUSED);
            assertThat(alert.timestamp()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(alert.context()).isEqualTo(new FrictionAlert.Context("python churn.py --since 2026-01-01",
                    "Recompute churn", CWD, List.of("add a region column", "use the 2026 data only", "now recompute churn")));
            assertThat(alert.evidence()).containsExactly(new FrictionAlert.Evidence(failure.uuid(), failure.timestamp(), REFUSED));
            assertThat(alert.secondsLost()).isZero();
            assertThat(alert.block()).isEqualTo(new FrictionAlert.Block(T0, T0.plus(Duration.ofMinutes(5))));
            assertThat(alert.sessionStart()).isEqualTo(T0);
            assertThat(alert.suppressedBy()).isNull();
            assertThat(driver.alerts()).isEmpty();
        }
    }

    @Test
    void theAlertIsKeyedBySessionAndItsJsonIsTheDocumentedContract() {
        try (AlertDriver driver = AlertDriver.start()) {
            TestOutputTopic<String, JsonNode> raw = driver.rawAlerts();
            driver.pipe(session);

            var record = raw.readKeyValue();
            assertThat(record.key).isEqualTo(AlertDriver.SESSION);
            assertThat(record.value.fieldNames()).toIterable().containsExactly("schemaVersion", "alertId", "sessionId", "user",
                    "rule", "category", "severity", "labels", "fingerprint", "timestamp", "count", "escalation", "secondsLost", "evidence",
                    "context", "block", "sessionStart", "suppressedBy");
            assertThat(record.value.path("severity").asText()).isEqualTo("high");
            assertThat(record.value.path("timestamp").asText()).isEqualTo("2026-02-11T20:05:00Z");
            assertThat(record.value.path("context").fieldNames()).toIterable()
                    .containsExactly("command", "description", "cwd", "lastUserMessages");
            assertThat(record.value.path("evidence").get(0).fieldNames()).toIterable().containsExactly("uuid", "timestamp", "excerpt");
        }
    }

    @Test
    void theAlertIdDependsOnSessionRuleAndFingerprintOnly() {
        String first;
        String again;
        String otherSession;
        try (AlertDriver driver = AlertDriver.start()) {
            driver.pipe(session);
            first = driver.alerts().get(0).alertId();
        }
        try (AlertDriver driver = AlertDriver.start()) {
            // Another run of the same command in a replay: same session, rule and fingerprint.
            Line rerun = aBashToolUse("python churn.py --since 2026-02-01").after(Duration.ofMinutes(1));
            driver.pipe(rerun, aBashError(rerun.toolUseId(), 1, REFUSED).after(Duration.ofMinutes(2)));
            driver.pipe("other-session", aBashToolUse("python churn.py --since 2026-02-01").id("toolu_other").after(Duration.ofMinutes(1)),
                    aBashError("toolu_other", 1, REFUSED).sessionId("other-session").after(Duration.ofMinutes(2)));
            List<FrictionAlert> alerts = driver.alerts();
            again = alerts.get(0).alertId();
            otherSession = alerts.get(1).alertId();
        }

        assertThat(again).isEqualTo(first);
        assertThat(otherSession).isNotEqualTo(first).matches("[0-9a-f]{32}");
    }
}
