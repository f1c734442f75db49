package io.sessionfriction.notify.alertmanager;

import static io.sessionfriction.notify.Alerts.SESSION;
import static io.sessionfriction.notify.Alerts.T0;
import static io.sessionfriction.notify.Alerts.aPermissionDenied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AlertmanagerMappingTest {

    private final AlertmanagerMapping mapping = new AlertmanagerMapping(Duration.ofHours(1), Optional.empty());

    @Test
    void labelsNameTheProblemAndNothingThatChangesBetweenEmissions() {
        PostableAlert alert = mapping.map(aPermissionDenied().at(T0).build(), T0.plusSeconds(30));

        assertThat(alert.labels()).containsOnly(
                entry("alertname", "permission-denied"),
                entry("severity", "high"),
                entry("user", "carol"),
                entry("session", SESSION),
                entry("category", "permission"),
                entry("fingerprint", "Bash | cp target/finance_summary.csv /data/shared/finance/"));
        assertThat(alert.labels().keySet()).containsExactlyInAnyOrderElementsOf(AlertmanagerMapping.LABELS);
    }

    @Test
    void annotationsSayWhatWasSeen() {
        PostableAlert alert = mapping.map(aPermissionDenied().at(T0).build(), T0.plusSeconds(30));

        assertThat(alert.annotations())
                .containsEntry("summary", "permission-denied for carol in session 06c6dec9: Copy to the shared folder")
                .containsEntry("evidence", "cp: cannot create regular file '/data/shared/finance/finance_summary.csv': Permission denied")
                .containsEntry("command", "cp target/finance_summary.csv /data/shared/finance/")
                .containsEntry("description", "Copy to the shared folder")
                .containsEntry("cwd", "/home/carol/finance")
                .containsEntry("count", "1")
                .containsEntry("escalation", "0")
                .containsKey("alert_id")
                .doesNotContainKeys("link", "seconds_lost");
        assertThat(alert.generatorUrl()).isNull();
    }

    @Test
    void timeLostIsAnnotatedWhereTheRuleMeasuresIt() {
        PostableAlert alert = mapping.map(aPermissionDenied().lost(95.4).at(T0).build(), T0);

        assertThat(alert.annotations()).containsEntry("seconds_lost", "95");
    }

    @Test
    void anAlertIsAMomentThatResolvesAfterTheWindow() {
        PostableAlert alert = mapping.map(aPermissionDenied().at(T0).build(), T0.plusSeconds(30));

        assertThat(alert.startsAt()).isEqualTo(T0);
        assertThat(alert.endsAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void anEscalationHasTheSameLabelsAndALaterEnd() {
        PostableAlert first = mapping.map(aPermissionDenied().at(T0).build(), T0);
        PostableAlert escalation = mapping.map(aPermissionDenied().at(T0.plusSeconds(300)).escalated(5, 1).build(), T0.plusSeconds(300));

        assertThat(escalation.labels()).isEqualTo(first.labels());
        assertThat(escalation.annotations()).containsEntry("count", "5").containsEntry("escalation", "1");
        assertThat(escalation.endsAt()).isAfter(first.endsAt());
    }

    @Test
    void aLineStampedAheadOfTheClockStartsNow() {
        PostableAlert alert = mapping.map(aPermissionDenied().at(T0.plusSeconds(120)).build(), T0);

        assertThat(alert.startsAt()).isEqualTo(T0);
        assertThat(alert.endsAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void aLinkTemplateBecomesTheLinkAnnotationAndTheGeneratorUrl() {
        AlertmanagerMapping linked = new AlertmanagerMapping(Duration.ofHours(1),
                Optional.of("http://processor-1:8080/sessions/{session}?rule={rule}&user={user}"));

        PostableAlert alert = linked.map(aPermissionDenied().user("carol o'neil").at(T0).build(), T0);

        String expected = "http://processor-1:8080/sessions/" + SESSION + "?rule=permission-denied&user=carol%20o%27neil";
        assertThat(alert.annotations()).containsEntry("link", expected);
        assertThat(alert.generatorUrl()).isEqualTo(expected);
    }

    @Test
    void anUnknownUserLeavesTheLabelOut() {
        PostableAlert alert = mapping.map(aPermissionDenied().user(null).at(T0).build(), T0);

        assertThat(alert.labels()).doesNotContainKey("user");
        assertThat(alert.annotations().get("summary")).startsWith("permission-denied for an unknown user in session 06c6dec9");
    }
}
