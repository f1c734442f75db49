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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.CommittedReader.Seen;
import io.sessionfriction.testsupport.SharedBroker;

/**
 * The exactly-once claim under kill -9: a collector in a child JVM is killed at random instants,
 * 20 times, while transcripts grow (partial writes, late newlines, rename-replace, new files). After
 * a last clean run, every line is on the events topic exactly once, in file order.
 */
class CollectorCrashTest {

    private static final int KILLS = 20;
    private static final long SEED = 20_260_211L;
    /** The child's log line once checkpoints are loaded and its producer holds the transactional id. */
    private static final String READY = "Collector starting";

    @RegisterExtension
    static final SharedBroker kafka = SharedBroker.embedded();

    @TempDir
    Path root;

    @Test
    void killedAtRandomInstantsTwentyTimesEveryLineEndsUpExactlyOnce() throws Exception {
        CollectorConfig config = CollectorConfig.defaults(root, kafka.bootstrapServers())
                .withTopics("crash-events", "crash-dlq", "crash-offsets")
                .withTransactionalId("crash-collector");
        kafka.createTopics(Collector.topics(config, 3));
        Random random = new Random(SEED);
        GrowingTranscripts transcripts = new GrowingTranscripts(root, new Random(SEED + 1));
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleAtFixedRate(transcripts::step, 0, 15, TimeUnit.MILLISECONDS);
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                Path log = Path.of("target", "crash-test", "collector-" + kill + ".log");
                Process child = startCollector(config, log);
                // Most kills hit a running collector (mid-read, mid-send, mid-commit); some hit its start-up.
                if (random.nextInt(4) > 0) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains(READY));
                }
                boolean endedByItself = child.waitFor(50 + random.nextInt(700), TimeUnit.MILLISECONDS);
                assertThat(endedByItself).as("collector process ended on its own, exit %s",
                        endedByItself ? child.exitValue() : 0).isFalse();
                child.destroyForcibly().waitFor();
            }
        } finally {
            writer.shutdown();
            assertThat(writer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        transcripts.finish();
        // The killed collectors did the work, not only the clean run below.
        assertThat(CommittedReader.readCommittedSoFar(kafka.bootstrapServers(), config.eventsTopic()))
                .hasSizeGreaterThan(transcripts.lineCount() / 2);

        try (Collector last = Collector.create(config, new SimpleMeterRegistry())) {
            last.runUntilCaughtUp();
        }

        Map<String, List<String>> published = CommittedReader.readCommitted(kafka.bootstrapServers(), config.eventsTopic())
                .stream()
                .collect(Collectors.groupingBy(r -> r.headers().get("file"), TreeMap::new,
                        Collectors.mapping(Seen::value, Collectors.toList())));
        assertThat(published).isEqualTo(transcripts.written());
        assertThat(transcripts.lineCount()).isGreaterThan(500);
        assertThat(CommittedReader.readCommitted(kafka.bootstrapServers(), config.dlqTopic())).isEmpty();
    }

    @Test
    void sigtermClosesTheCollectorPromptlyAfterCommittingWhatItPublished() throws Exception {
        CollectorConfig config = CollectorConfig.defaults(root, kafka.bootstrapServers())
                .withTopics("term-events", "term-dlq", "term-offsets")
                .withTransactionalId("term-collector");
        kafka.createTopics(Collector.topics(config, 1));
        Path file = root.resolve("ana/2026-02-11_0123456789abcdef0123.jsonl");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            lines.add(userPrompt("s-1", "u-" + i, T0.plusSeconds(i), "prompt " + i));
        }
        Files.writeString(file, String.join("\n", lines) + "\n", UTF_8);
        Path log = Path.of("target", "crash-test", "sigterm.log");

        Process child = startCollector(config, log);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                CommittedReader.values(CommittedReader.readCommitted(kafka.bootstrapServers(), config.eventsTopic()))).isEqualTo(lines));
        child.destroy();

        assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        assertThat(Files.readString(log)).contains("Collector closed");
        try (Collector next = Collector.create(config, new SimpleMeterRegistry())) {
            assertThat(next.runUntilCaughtUp().committed().lines()).isZero();
        }
    }

    private Process startCollector(CollectorConfig config, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A quick-starting JVM (C1 only, serial GC): start-up dominates each of the 20 cycles.
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                CollectorProcessMain.class.getName(), root.toString(), config.bootstrapServers(),
                config.eventsTopic(), config.dlqTopic(), config.offsetsTopic(), config.transactionalId())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * The copy job and Claude Code together: lines appended to a growing set of transcripts, some
     * written in two parts, some left without a newline for a while, files replaced by rename.
     */
    private static final class GrowingTranscripts {
        private final Path root;
        private final Random random;
        private final Map<String, List<String>> written = new TreeMap<>();
        private final Map<String, String> pendingRest = new TreeMap<>();
        private final Map<String, Boolean> unterminated = new TreeMap<>();
        private int lines;

        GrowingTranscripts(Path root, Random random) {
            this.root = root;
            this.random = random;
        }

        synchronized void step() {
            try {
                // New transcripts (and users) keep appearing: one more file every 60 lines, up to 8.
                int index = random.nextInt(Math.min(8, 1 + lines / 60));
                String file = "user" + index % 3 + "/2026-02-11_" + String.format("%016x", index) + ".jsonl";
                int action = random.nextInt(100);
                if (action < 5) {
                    replaceByRename(file);
                } else if (action < 15 && !unterminated.getOrDefault(file, false)) {
                    String line = nextLine(file);
                    append(file, line.substring(0, line.length() / 2));
                    pendingRest.put(file, line.substring(line.length() / 2));
                    unterminated.put(file, true);
                } else if (action < 25 && pendingRest.containsKey(file)) {
                    append(file, pendingRest.remove(file));
                } else {
                    endLine(file);
                    append(file, nextLine(file) + "\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void finish() throws IOException {
            for (String file : List.copyOf(unterminated.keySet())) {
                endLine(file);
            }
        }

        synchronized Map<String, List<String>> written() {
            return written;
        }

        synchronized int lineCount() {
            return lines;
        }

        private void endLine(String file) throws IOException {
            if (unterminated.getOrDefault(file, false)) {
                String rest = pendingRest.remove(file);
                append(file, (rest == null ? "" : rest) + "\n");
                unterminated.put(file, false);
            }
        }

        private String nextLine(String file) {
            lines++;
            String line = userPrompt(file, "u-" + lines, T0.plusSeconds(lines), "x".repeat(random.nextInt(3000)));
            written.computeIfAbsent(file, f -> new ArrayList<>()).add(line);
            return line;
        }

        private void append(String file, String text) throws IOException {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        private void replaceByRename(String file) throws IOException {
            Path path = root.resolve(file);
            if (Files.exists(path)) {
                Path copy = path.resolveSibling(".copy.tmp");
                Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                Files.move(copy, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
