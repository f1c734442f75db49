package io.sessionfriction.notify;

import static io.sessionfriction.notify.Alerts.T0;
import static io.sessionfriction.notify.Alerts.aPermissionDenied;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RecencyTest {

    private final Recency recency = new Recency(Duration.ofHours(1));

    @Test
    void anAlertAboutALineOfTheLastHourIsSent() {
        assertThat(recency.skipReason(aPermissionDenied().ago(Duration.ofMinutes(59)).build(), T0)).isEmpty();
        assertThat(recency.skipReason(aPermissionDenied().ago(Duration.ofHours(1)).build(), T0)).isEmpty();
    }

    @Test
    void anAlertAboutAnOlderLineIsNotRecent() {
        assertThat(recency.skipReason(aPermissionDenied().ago(Duration.ofMinutes(61)).build(), T0)).contains(Outcome.NOT_RECENT);
        assertThat(recency.skipReason(aPermissionDenied().ago(Duration.ofDays(30)).build(), T0)).contains(Outcome.NOT_RECENT);
    }

    @Test
    void aLaptopClockAFewMinutesAheadStillPagesOneADayAheadDoesNot() {
        assertThat(recency.skipReason(aPermissionDenied().at(T0.plus(Duration.ofMinutes(5))).build(), T0)).isEmpty();
        assertThat(recency.skipReason(aPermissionDenied().at(T0.plus(Duration.ofDays(1))).build(), T0)).contains(Outcome.NOT_RECENT);
    }

    @Test
    void aSuppressedAlertIsNeverSentHoweverRecent() {
        assertThat(recency.skipReason(aPermissionDenied().at(T0).suppressedBy("JIRA-42").build(), T0)).contains(Outcome.SUPPRESSED);
    }
}
