package io.sessionfriction.topology.ops;

import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.ChildJvm;
import io.sessionfriction.topology.e2e.KafkaFixture;

/** A clean stop is clean: SIGTERM to {@code collect}, as a supervisor sends it, commits and exits without an ERROR line. */
class CollectShutdownTest {

    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @TempDir
    Path sessions;

    @RepeatedTest(5)
    void sigtermLogsNoError() throws Exception {
        Path transcript = Files.createDirectories(sessions.resolve("ana")).resolve("2026-02-11_258c7280-ae70-4798-800f-63464d01a85d.jsonl");
        Files.writeString(transcript, aUserPrompt("load the export").json() + "\n", StandardCharsets.UTF_8);
        ChildJvm collect = ChildJvm.start("collect-sigterm", Main.class, "collect", "--bootstrap-servers", kafka.bootstrapServers(),
                "--sessions", sessions.toString(), "--transactional-id", "sigterm-collect",
                "--http-port", String.valueOf(Http.freePort()), "--poll-interval", "200ms");
        Awaitility.await("collector running").atMost(Duration.ofSeconds(60)).until(() -> collect.output().contains("Collector starting"));

        // Stopped mid-stream: lines keep coming, so SIGTERM lands during reads, sends and commits.
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger n = new AtomicInteger();
        writer.scheduleAtFixedRate(() -> {
            try {
                Files.writeString(transcript, aUserPrompt("step " + n.incrementAndGet()).json() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        Awaitility.await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
        boolean exited = collect.stop();
        writer.shutdownNow();

        assertThat(exited).isTrue();
        assertThat(collect.output()).contains("Collector closed").doesNotContain(" ERROR ");
    }
}
