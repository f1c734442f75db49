package io.sessionfriction.collector;

import static io.sessionfriction.collector.RawTranscriptLines.T0;
import static io.sessionfriction.collector.RawTranscriptLines.userPrompt;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.CommittedReader.Seen;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.testsupport.SharedData;

/** The collector running on its own (watch, poll, quiet period), and on the real transcripts. */
class CollectorTailingTest {

    private static final String SESSION = "258c7280-ae70-4798-800f-63464d01a85d";
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

    @RegisterExtension
    static final SharedBroker kafka = SharedBroker.embedded();

    @TempDir
    Path root;
    private CollectorConfig config;

    @BeforeEach
    void ownTopics() {
        int n = TEST_NUMBER.incrementAndGet();
        config = CollectorConfig.defaults(root, kafka.bootstrapServers())
                .withTopics("tail-events-" + n, "tail-dlq-" + n, "tail-offsets-" + n)
                .withTransactionalId("tail-collector-" + n)
                .withTiming(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1));
        kafka.createTopics(Collector.topics(config, 3));
    }

    private List<String> publishedValues() {
        return CommittedReader.values(CommittedReader.readCommitted(kafka.bootstrapServers(), config.eventsTopic()));
    }

    private void write(String file, String content, StandardOpenOption... options) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, UTF_8, options);
    }

    @Test
    void aRunningCollectorFindsNewUsersAndPublishesAppendedLines() throws IOException {
        String first = userPrompt(SESSION, "u-1", T0, "first");
        String second = userPrompt(SESSION, "u-2", T0.plusSeconds(1), "second");
        String file = "carol/2026-02-11_" + SESSION + ".jsonl";

        try (Collector collector = Collector.create(config, new SimpleMeterRegistry())) {
            collector.start();
            write(file, first + "\n");
            await().atMost(BOUND).untilAsserted(() -> assertThat(publishedValues()).containsExactly(first));

            write(file, second + "\n", StandardOpenOption.APPEND);
            await().atMost(BOUND).untilAsserted(() -> assertThat(publishedValues()).containsExactly(first, second));
        }
    }

    @Test
    void anUnterminatedLineIsPublishedOnceQuietAndItsLateNewlineAddsNothing() throws IOException {
        String first = userPrompt(SESSION, "u-1", T0, "first");
        String unterminated = userPrompt(SESSION, "u-2", T0.plusSeconds(1), "no newline yet");
        String third = userPrompt(SESSION, "u-3", T0.plusSeconds(2), "third");
        String file = "ana/2026-02-11_" + SESSION + ".jsonl";
        write(file, first + "\n" + unterminated.substring(0, 30));

        try (Collector collector = Collector.create(config, new SimpleMeterRegistry())) {
            collector.start();
            await().atMost(BOUND).untilAsserted(() -> assertThat(publishedValues()).containsExactly(first));

            write(file, unterminated.substring(30), StandardOpenOption.APPEND);
            await().atMost(BOUND).untilAsserted(() -> assertThat(publishedValues()).containsExactly(first, unterminated));

            write(file, "\n" + third + "\n", StandardOpenOption.APPEND);
            await().atMost(BOUND).untilAsserted(() -> assertThat(publishedValues())
                    .containsExactly(first, unterminated, third));
        }
        try (Collector restarted = Collector.create(config, new SimpleMeterRegistry())) {
            assertThat(restarted.runUntilCaughtUp().committed().lines()).isZero();
        }
        assertThat(publishedValues()).containsExactly(first, unterminated, third);
    }

    @Test
    void aCollectorFencedByAnotherWithTheSameTransactionalIdStopsAndSaysWhy() throws IOException {
        String file = "ana/2026-02-11_" + SESSION + ".jsonl";
        write(file, userPrompt(SESSION, "u-1", T0, "first") + "\n");

        try (Collector first = Collector.create(config, new SimpleMeterRegistry())) {
            first.start();
            await().atMost(BOUND).untilAsserted(() -> assertThat(publishedValues()).hasSize(1));
            try (Collector second = Collector.create(config, new SimpleMeterRegistry())) {
                write(file, userPrompt(SESSION, "u-2", T0.plusSeconds(1), "second") + "\n", StandardOpenOption.APPEND);

                await().atMost(BOUND).until(() -> !first.isRunning());
                assertThat(first.failure()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("Fenced"));
                assertThat(second.runUntilCaughtUp().committed().lines()).isEqualTo(1);
            }
        }
        assertThat(publishedValues()).hasSize(2);
    }

    @Test
    @Tag(SharedData.TAG)
    void everyLineOfTheRealTranscriptsIsPublishedOnceUnderItsTranscriptsKey() throws IOException {
        copyRealSessions(SharedData.realSessions());
        Map<String, List<String>> linesByFile = linesByFile();

        CollectorStats stats;
        try (Collector collector = Collector.create(config, new SimpleMeterRegistry())) {
            stats = collector.runUntilCaughtUp();
        }

        List<Seen> records = CommittedReader.readCommitted(kafka.bootstrapServers(), config.eventsTopic());
        int expected = linesByFile.values().stream().mapToInt(List::size).sum();
        assertThat(expected).isEqualTo(10_220);
        assertThat(records).hasSize(expected);
        assertThat(stats.committed().events()).isEqualTo(expected);
        for (Seen record : records) {
            String file = record.headers().get("file");
            int line = Integer.parseInt(record.headers().get("line"));
            assertThat(record.value()).isEqualTo(linesByFile.get(file).get(line - 1));
        }
        assertThat(records).filteredOn(r -> r.headers().get("file").contains("/subagents/"))
                .allSatisfy(r -> assertThat(r.headers().get("file")).contains("/" + r.key() + "/subagents/"));
        assertThat(records).filteredOn(r -> r.headers().get("file").endsWith("/short.jsonl"))
                .extracting(Seen::key).containsOnly("55604662-cf2a-4331-851a-ec234028f8ca");
        assertThat(CommittedReader.readCommitted(kafka.bootstrapServers(), config.dlqTopic())).isEmpty();
    }

    private void copyRealSessions(Path realSessions) throws IOException {
        try (Stream<Path> files = Files.walk(realSessions)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                Path target = root.resolve(realSessions.relativize(source).toString());
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        }
    }

    private Map<String, List<String>> linesByFile() throws IOException {
        Map<String, List<String>> lines = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".jsonl")).forEach(p -> {
                try {
                    lines.put(root.relativize(p).toString(), Files.readAllLines(p, UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return lines;
    }
}
