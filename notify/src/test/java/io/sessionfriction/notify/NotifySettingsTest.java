package io.sessionfriction.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class NotifySettingsTest {

    private static final List<URI> ALERTMANAGER = List.of(URI.create("http://alertmanager:9093"));

    @Test
    void theDefaultsSendTheLastHourAndResolveTwoHoursAfterTheLine() {
        NotifySettings settings = NotifySettings.defaults(ALERTMANAGER);

        assertThat(settings.maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.resolveAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.groupId()).isEqualTo("session-friction-notify");
        assertThat(settings.linkTemplate()).isEmpty();
    }

    @Test
    void aWindowNoLongerThanTheMaxAgeIsRefusedSinceTheOldestAlertWouldArriveResolved() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifySettings.defaults(ALERTMANAGER).withMaxAge(Duration.ofHours(3), Duration.ofHours(3)))
                .withMessageContaining("resolve-after window (PT3H) must be longer than the max age (PT3H)");
    }

    @Test
    void anAlertmanagerIsAnHttpUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> NotifySettings.defaults(List.of()))
                .withMessageContaining("at least one Alertmanager URL");
        assertThatIllegalArgumentException().isThrownBy(() -> NotifySettings.defaults(List.of(URI.create("alertmanager:9093"))))
                .withMessageContaining("'alertmanager:9093' is not an http(s) URL");
    }

    @Test
    void retriesWaitAtLeastTheirFirstWait() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NotifySettings.defaults(ALERTMANAGER).withRetries(Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .withMessageContaining("longest retry wait (PT1S) is shorter than the first (PT10S)");
    }
}
