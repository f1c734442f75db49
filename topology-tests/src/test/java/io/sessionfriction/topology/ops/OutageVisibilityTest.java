package io.sessionfriction.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.topology.ChildJvm;
import io.sessionfriction.topology.fault.StandaloneBroker;

/**
 * The broker goes away and comes back while {@code collect} and {@code process} run: each says so once
 * when it loses the broker and once when it is back (with how long it was gone), and the processor stops
 * being ready within 30 s, so a load balancer or an operator sees the outage.
 */
class OutageVisibilityTest {

    private static final Duration READINESS_BOUND = Duration.ofSeconds(30);

    @TempDir
    Path logDir;
    @TempDir
    Path sessions;
    @TempDir
    Path stateDir;

    @Test
    void bothProcessesSayOnceThatTheBrokerIsGoneAndOnceThatItIsBackAndTheProcessorIsNotReadyMeanwhile() throws Exception {
        int collectPort = Http.freePort();
        int processPort = Http.freePort();
        try (StandaloneBroker broker = StandaloneBroker.start(logDir);
                ChildJvm collect = ChildJvm.start("outage-collect", Main.class, "collect", "--bootstrap-servers", broker.bootstrapServers(),
                        "--sessions", sessions.toString(), "--poll-interval", "200ms", "--partitions", "2",
                        "--transactional-id", "outage-collect", "--http-port", String.valueOf(collectPort));
                ChildJvm process = ChildJvm.start("outage-process", Main.class, "process", "--bootstrap-servers", broker.bootstrapServers(),
                        "--application-id", "outage-process", "--partitions", "2", "--state-dir", stateDir.toString(),
                        "--http-port", String.valueOf(processPort), "--advertised-http", "localhost:" + processPort)) {
            awaitReady(collectPort, collect);
            awaitReady(processPort, process);

            long stopped = System.nanoTime();
            broker.stop();
            Awaitility.await("processor not ready").atMost(READINESS_BOUND.plusSeconds(5))
                    .until(() -> Http.get(processPort, "/health/ready").status() == 503);
            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThanOrEqualTo(READINESS_BOUND);
            assertThat(Http.get(processPort, "/health/ready").json().path("reason").asText()).contains("unreachable");
            Awaitility.await("both said the broker is gone").atMost(READINESS_BOUND).until(() ->
                    !collect.logged("WARN", "Kafka unreachable at " + broker.bootstrapServers()).isEmpty()
                            && !process.logged("WARN", "Kafka unreachable at " + broker.bootstrapServers()).isEmpty());

            broker.start();
            awaitReady(collectPort, collect);
            awaitReady(processPort, process);
            Awaitility.await("both said the broker is back").atMost(READINESS_BOUND).until(() ->
                    !collect.logged("INFO", "Kafka reachable again at " + broker.bootstrapServers()).isEmpty()
                            && !process.logged("INFO", "Kafka reachable again at " + broker.bootstrapServers()).isEmpty());

            for (ChildJvm command : List.of(collect, process)) {
                assertThat(command.logged("WARN", "Kafka unreachable at ")).as(command.output()).singleElement();
                assertThat(command.logged("INFO", "Kafka reachable again at ")).as(command.output()).singleElement()
                        .satisfies(line -> assertThat(line).containsPattern("after \\d+ s"));
            }
            assertThat(collect.logged("WARN", "Kafka unreachable at ")).allSatisfy(line -> assertThat(line).contains("the collector waits"));
            assertThat(process.logged("WARN", "Kafka unreachable at ")).allSatisfy(line -> assertThat(line).contains("the processor waits"));
        }
    }

    private static void awaitReady(int port, ChildJvm command) {
        Awaitility.await("ready on " + port).atMost(Duration.ofSeconds(90)).until(() -> {
            assertThat(command.running()).as(command.output()).isTrue();
            return Http.get(port, "/health/ready").status() == 200;
        });
    }
}
