package io.sessionfriction.launcher.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Metrics;
import io.sessionfriction.launcher.cli.options.HttpOptions;

/** The operations endpoint without Kafka: probe status codes and bodies, the Prometheus exposition. */
class OpsEndpointsTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicReference<Health> ready = new AtomicReference<>(Health.down("Kafka Streams state REBALANCING"));
    private OpsServer server;
    private Telemetry telemetry;

    @BeforeEach
    void start() {
        server = OpsServer.start(HttpOptions.DEFAULT_BIND, 0);
        telemetry = Telemetry.start();
        telemetry.install(server);
        HealthEndpoints.install(server, new Health.Checks() {
            @Override
            public Health live() {
                return Health.up();
            }

            @Override
            public Health ready() {
                return ready.get();
            }
        });
    }

    @AfterEach
    void stop() {
        telemetry.close();
        server.close();
    }

    @Test
    void probesAnswer200WhenUpAnd503WithTheReasonWhenDown() throws Exception {
        assertThat(get("/health/live")).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
        assertThat(get("/health/ready")).isEqualTo(new Answer(503,
                "{\"status\":\"DOWN\",\"reason\":\"Kafka Streams state REBALANCING\"}"));

        ready.set(Health.up());

        assertThat(get("/health/ready")).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
    }

    @Test
    void metricsShowThePipelinesMetersFromTheGlobalRegistryAndTheJvms() throws Exception {
        Metrics.globalRegistry.counter("session.friction.collector.lines").increment(3);

        Answer metrics = get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("(?m)^session_friction_collector_lines_total 3\\.0$").contains("jvm_memory_used_bytes")
                .containsPattern("(?m)^session_friction_build_info\\{[^}]*version=\"development\"[^}]*} 1(\\.0)?$");
    }

    @Test
    void onlyGetIsServed() throws Exception {
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/health/live"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void aHandlerFailureAnswers500WithoutQuotingTheRequest() throws Exception {
        server.route("/boom", exchange -> {
            throw new IllegalStateException("cannot handle " + exchange.getRequestURI());
        });

        Answer failed = get("/boom?secret=ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ");

        assertThat(failed).isEqualTo(new Answer(500, "{\"error\":\"internal error (logged)\"}"));
    }

    private Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    private record Answer(int status, String body) {
    }
}
