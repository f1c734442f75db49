package io.sessionfriction.notify.alertmanager;

import static io.sessionfriction.notify.Alerts.T0;
import static io.sessionfriction.notify.Alerts.aPermissionDenied;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.sessionfriction.notify.StubAlertmanager;

class AlertmanagerClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<PostableAlert> ONE_ALERT = List.of(
            new AlertmanagerMapping(Duration.ofHours(1), Optional.empty()).map(aPermissionDenied().at(T0).build(), T0));

    private StubAlertmanager alertmanager;

    @BeforeEach
    void start() throws Exception {
        alertmanager = StubAlertmanager.start();
    }

    @AfterEach
    void stop() {
        alertmanager.close();
    }

    @Test
    void theV2PathGoesAfterTheRoutePrefix() {
        assertThat(AlertmanagerClient.alertsEndpoint(URI.create("http://am:9093"))).hasToString("http://am:9093/api/v2/alerts");
        assertThat(AlertmanagerClient.alertsEndpoint(URI.create("http://am:9093/"))).hasToString("http://am:9093/api/v2/alerts");
        assertThat(AlertmanagerClient.alertsEndpoint(URI.create("https://ops/alertmanager"))).hasToString("https://ops/alertmanager/api/v2/alerts");
    }

    @Test
    void anAcceptedPostIsDeliveredWithTheAlertsAsAlertmanagerReadsThem() throws Exception {
        Delivery delivery = new AlertmanagerClient(List.of(alertmanager.url()), TIMEOUT).post(ONE_ALERT);

        assertThat(delivery.result()).isEqualTo(Delivery.Result.DELIVERED);
        var posted = alertmanager.accepted().get(0);
        assertThat(posted.path("labels").path("alertname").asText()).isEqualTo("permission-denied");
        assertThat(posted.path("startsAt").asText()).isEqualTo("2026-02-11T20:00:00Z");
        assertThat(posted.path("endsAt").asText()).isEqualTo("2026-02-11T21:00:00Z");
        assertThat(posted.has("generatorURL")).as("no link configured").isFalse();
    }

    @Test
    void aServerErrorOrTooManyRequestsMayPassAndIsRetriedAnInvalidAlertIsNot() throws Exception {
        AlertmanagerClient client = new AlertmanagerClient(List.of(alertmanager.url()), TIMEOUT);
        alertmanager.answer(503, 429, 400);

        assertThat(client.post(ONE_ALERT).result()).isEqualTo(Delivery.Result.FAILED);
        assertThat(client.post(ONE_ALERT).result()).isEqualTo(Delivery.Result.FAILED);
        Delivery refused = client.post(ONE_ALERT);
        assertThat(refused.result()).isEqualTo(Delivery.Result.REJECTED);
        assertThat(refused.detail()).contains("answered 400").contains("planned failure");
    }

    @Test
    void oneInstanceOfAnHaPairAcceptingIsEnough() throws Exception {
        URI down = URI.create("http://127.0.0.1:" + freePort());

        Delivery delivery = new AlertmanagerClient(List.of(down, alertmanager.url()), TIMEOUT).post(ONE_ALERT);

        assertThat(delivery.result()).isEqualTo(Delivery.Result.DELIVERED);
        assertThat(alertmanager.accepted()).hasSize(1);
    }

    @Test
    void noInstanceAnsweringIsAFailureNamingEach() throws Exception {
        URI down = URI.create("http://127.0.0.1:" + freePort());

        Delivery delivery = new AlertmanagerClient(List.of(down), TIMEOUT).post(ONE_ALERT);

        assertThat(delivery.result()).isEqualTo(Delivery.Result.FAILED);
        assertThat(delivery.detail()).contains(down + "/api/v2/alerts").contains("ConnectException");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
