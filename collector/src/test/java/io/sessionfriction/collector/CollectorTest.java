package io.sessionfriction.collector;

import static io.sessionfriction.collector.RawTranscriptLines.T0;
import static io.sessionfriction.collector.RawTranscriptLines.bashProgress;
import static io.sessionfriction.collector.RawTranscriptLines.summary;
import static io.sessionfriction.collector.RawTranscriptLines.userPrompt;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.CommittedReader.Seen;
import io.sessionfriction.collector.publish.EventShortener;
import io.sessionfriction.collector.publish.Records;
import io.sessionfriction.collector.publish.TransactionalPublisher;
import io.sessionfriction.collector.tail.FileOpener;
import io.sessionfriction.testsupport.SecretPieces;
import io.sessionfriction.testsupport.SharedBroker;

/** The collector against a real broker: what read_committed consumers of its topics see. */
class CollectorTest {

    private static final String ANA_SESSION = "258c7280-ae70-4798-800f-63464d01a85d";
    private static final String BOB_SESSION = "abc123";
    private static final String ANA_FILE = "ana/2026-02-11_" + ANA_SESSION + ".jsonl";
    private static final String BOB_FILE = "bob-2026-02-10-" + BOB_SESSION + ".jsonl";
    private static final String SUBAGENT_FILE = "ana/" + ANA_SESSION + "/subagents/agent-a2898e3.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

    @RegisterExtension
    static final SharedBroker kafka = SharedBroker.embedded();

    @TempDir
    Path root;
    private CollectorConfig config;
    private final RecordingCollectorEvents events = new RecordingCollectorEvents();
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @BeforeEach
    void ownTopics() {
        int n = TEST_NUMBER.incrementAndGet();
        config = CollectorConfig.defaults(root, kafka.bootstrapServers())
                .withTopics("events-" + n, "dlq-" + n, "offsets-" + n)
                .withTransactionalId("collector-" + n);
        kafka.createTopics(Collector.topics(config, 1));
    }

    private Collector collector() {
        return collector(FileOpener.DEFAULT, Collector.kafkaPublishers(config));
    }

    private Collector collector(FileOpener opener, Supplier<TransactionalPublisher> publishers) {
        return Collector.create(config, events, clock, opener, publishers);
    }

    /** Publishers whose second commit fails, as when the broker goes away between the sends and the commit. */
    private Supplier<TransactionalPublisher> secondCommitFails() {
        AtomicInteger commits = new AtomicInteger();
        Supplier<TransactionalPublisher> real = Collector.kafkaPublishers(config);
        return () -> new FailingCommit(real.get(), commits, 2);
    }

    private CollectorStats runOnce() {
        try (Collector collector = collector()) {
            return collector.runUntilCaughtUp();
        }
    }

    private List<Seen> published() {
        return CommittedReader.readCommitted(kafka.bootstrapServers(), config.eventsTopic());
    }

    private List<JsonNode> dlq() {
        return CommittedReader.readCommitted(kafka.bootstrapServers(), config.dlqTopic()).stream()
                .map(r -> readTree(r.value())).toList();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void write(String file, String... lines) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, String.join("", lines), UTF_8);
    }

    private void append(String file, String... lines) throws IOException {
        Files.writeString(root.resolve(file), String.join("", lines), UTF_8, StandardOpenOption.APPEND);
    }

    private static String line(String json) {
        return json + "\n";
    }

    private static Seen event(String key, String value, String user, String file, long offset, long line) {
        return new Seen(key, value, Map.of("user", user, "file", file, "offset", String.valueOf(offset),
                "line", String.valueOf(line)));
    }

    @Test
    void everyLineIsOneRecordKeyedByTheSessionInItsPathWithItsOrigin() throws IOException {
        String prompt = userPrompt(ANA_SESSION, "u-1", T0, "run the tests");
        String progress = bashProgress(ANA_SESSION, "u-2", T0.plusSeconds(2), 2, "ok");
        String subagent = userPrompt(ANA_SESSION, "u-3", T0.plusSeconds(3), "subagent task");
        String flat = userPrompt("other-id-in-line", "u-4", T0, "old layout");
        write(ANA_FILE, line(prompt), line(progress));
        write(SUBAGENT_FILE, line(subagent));
        write(BOB_FILE, line(flat));

        CollectorStats stats = runOnce();

        assertThat(published()).containsExactly(
                event(ANA_SESSION, prompt, "ana", ANA_FILE, 0, 1),
                event(ANA_SESSION, progress, "ana", ANA_FILE, prompt.length() + 1, 2),
                event(ANA_SESSION, subagent, "ana", SUBAGENT_FILE, 0, 1),
                event(BOB_SESSION, flat, "bob", BOB_FILE, 0, 1));
        assertThat(dlq()).isEmpty();
        assertThat(stats.committed().lines()).isEqualTo(4);
        assertThat(stats.filesTracked()).isEqualTo(3);
    }

    @Test
    void twoObjectsOnOneLineAreTwoRecordsFromTheSameLine() throws IOException {
        String progress = bashProgress(ANA_SESSION, "u-1", T0, 2, "ok");
        String title = summary("Fix the build");
        write(ANA_FILE, line(progress + title));

        runOnce();

        assertThat(published()).containsExactly(
                event(ANA_SESSION, progress, "ana", ANA_FILE, 0, 1),
                event(ANA_SESSION, title, "ana", ANA_FILE, 0, 1));
    }

    @Test
    void aMalformedLineGoesToTheDlqWithFileLineOffsetAndRawBytesAndTheRestFlows() throws IOException {
        String first = userPrompt(ANA_SESSION, "u-1", T0, "hello");
        String broken = "{\"type\":\"user\",\"message\":{\"content\":\"cut";
        String last = userPrompt(ANA_SESSION, "u-2", T0.plusSeconds(1), "still here");
        write(ANA_FILE, line(first), line(broken), line(last));

        CollectorStats stats = runOnce();

        assertThat(CommittedReader.values(published())).containsExactly(first, last);
        assertThat(dlq()).singleElement().satisfies(record -> {
            assertThat(record.path("source").asText()).isEqualTo("collector");
            assertThat(record.path("user").asText()).isEqualTo("ana");
            assertThat(record.path("file").asText()).isEqualTo(ANA_FILE);
            assertThat(record.path("line").asLong()).isEqualTo(2);
            assertThat(record.path("offset").asLong()).isEqualTo(first.length() + 1);
            assertThat(record.path("raw").asText()).isEqualTo(broken);
            assertThat(record.path("rawBytes").asInt()).isEqualTo(broken.length());
            assertThat(record.path("error").asText()).contains("column");
        });
        assertThat(stats.committed().deadLetters()).isEqualTo(1);
        assertThat(events.of("lineRejected")).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("2@" + (first.length() + 1)));
    }

    /**
     * The events topic keeps a line as written; what the collector writes itself about a bad line is
     * redacted, before the raw text is cut to its first 4 KiB, so a cut cannot leave half of a secret.
     */
    @Test
    void aMalformedLinesSecretsAreRedactedInItsDlqRecordBeforeTheCutWhileGoodLinesGoOutAsWritten() throws IOException {
        String token = "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ";
        String good = userPrompt(ANA_SESSION, "u-1", T0, "PGPASSWORD=N7vqL2pX9kWm psql -h db.internal");
        String opening = "{\"type\":\"user\",\"message\":{\"content\":\"";
        String push = " git push https://";
        String broken = opening + "x".repeat(Records.RAW_CHARS - 20 - opening.length() - push.length()) + push + token
                + "@github.com/acme/churn";
        assertThat(broken.substring(0, Records.RAW_CHARS)).as("the cut falls inside the token").endsWith(token.substring(0, 20));
        write(ANA_FILE, line(good), line(broken));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (Collector collector = Collector.create(config, new MicrometerCollectorEvents(registry), clock,
                FileOpener.DEFAULT, Collector.kafkaPublishers(config))) {
            collector.runUntilCaughtUp();
        }

        assertThat(CommittedReader.values(published())).containsExactly(good);
        assertThat(dlq()).singleElement().satisfies(record -> {
            assertThat(SecretPieces.of(token).foundIn(record.toString())).isEmpty();
            assertThat(record.path("raw").asText()).isEqualTo(
                    broken.replace(token, "[REDACTED:github-classic-token]").substring(0, Records.RAW_CHARS));
            assertThat(record.path("rawBytes").asInt()).isEqualTo(broken.length());
        });
        assertThat(registry.get(MicrometerCollectorEvents.REDACTIONS).tag("kind", "github-classic-token").counter().count()).isEqualTo(1);
    }

    @Test
    void garbageBytesGoToTheDlqWithInvalidUtf8Replaced() throws IOException {
        Path path = root.resolve(ANA_FILE);
        Files.createDirectories(path.getParent());
        String first = userPrompt(ANA_SESSION, "u-1", T0, "hello");
        Files.write(path, (first + "\n").getBytes(UTF_8));
        Files.write(path, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, 0x13, '\n'}, StandardOpenOption.APPEND);

        runOnce();

        assertThat(dlq()).singleElement().satisfies(record -> {
            assertThat(record.path("raw").asText()).startsWith("\uFFFD\uFFFD");
            assertThat(record.path("rawBytes").asInt()).isEqualTo(4);
        });
    }

    @Test
    void anotherToolsFileIsReportedOnceAndSkippedAcrossRestarts() throws IOException {
        write("ana/agent-notes.jsonl", "{\n  \"tool\": \"other\"\n}\n");

        runOnce();
        runOnce();

        assertThat(published()).isEmpty();
        assertThat(dlq()).singleElement().satisfies(record -> assertThat(record.path("error").asText())
                .startsWith("not a session transcript"));
        assertThat(events.of("fileNotATranscript")).hasSize(1);
    }

    @Test
    void aDamagedFirstLineIsOneDlqRecordAndTheLinesBehindItArePublished() throws IOException {
        String first = userPrompt(ANA_SESSION, "u-1", T0, "load the churn table");
        String second = userPrompt(ANA_SESSION, "u-2", T0.plusSeconds(4), "and plot it");
        String cutOff = first.substring(0, 40);
        write(ANA_FILE, line(cutOff), line(first), line(second));

        CollectorStats stats = runOnce();

        assertThat(published()).extracting(Seen::value).containsExactly(first, second);
        assertThat(dlq()).singleElement().satisfies(record -> {
            assertThat(record.path("line").asLong()).isEqualTo(1);
            assertThat(record.path("raw").asText()).isEqualTo(cutOff);
            assertThat(record.path("error").asText()).doesNotStartWith("not a session transcript");
        });
        assertThat(stats.committed().lines()).isEqualTo(3);
        assertThat(stats.committed().notTranscripts()).isZero();
    }

    @Test
    void aRestartResumesFromTheCheckpointWithoutDuplicatesOrLoss() throws IOException {
        String l1 = userPrompt(ANA_SESSION, "u-1", T0, "one");
        String l2 = userPrompt(ANA_SESSION, "u-2", T0.plusSeconds(1), "two");
        String l3 = userPrompt(ANA_SESSION, "u-3", T0.plusSeconds(2), "three");
        String l4 = userPrompt(ANA_SESSION, "u-4", T0.plusSeconds(3), "four");
        write(ANA_FILE, line(l1), l2);
        runOnce();

        append(ANA_FILE, "\n", line(l3));
        write(SUBAGENT_FILE, line(l4));
        CollectorStats second = runOnce();

        assertThat(CommittedReader.values(published())).containsExactly(l1, l2, l3, l4);
        assertThat(published().get(2).headers()).containsEntry("line", "3");
        assertThat(second.committed().lines()).isEqualTo(2);
    }

    @Test
    void aFailedTransactionIsAbortedAndReplayedFromTheCommittedCheckpoint() throws IOException {
        String l1 = userPrompt(ANA_SESSION, "u-1", T0, "one");
        String l2 = userPrompt(ANA_SESSION, "u-2", T0.plusSeconds(1), "two");
        write(ANA_FILE, line(l1));

        try (Collector collector = collector(FileOpener.DEFAULT, secondCommitFails())) {
            collector.runUntilCaughtUp();
            append(ANA_FILE, line(l2));
            CollectorStats stats = collector.runUntilCaughtUp();

            assertThat(stats.transactionsAborted()).isEqualTo(1);
            assertThat(stats.committed().lines()).isEqualTo(2);
        }

        assertThat(CommittedReader.values(published())).containsExactly(l1, l2);
        assertThat(events.of("aborted")).hasSize(1);
    }

    @Test
    void aLineReadAgainAfterAnAbortIsCountedOnce() throws IOException {
        String l1 = userPrompt(ANA_SESSION, "u-1", T0, "one");
        String l2 = userPrompt(ANA_SESSION, "u-2", T0.plusSeconds(1), "two");
        write(ANA_FILE, line(l1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (Collector collector = Collector.create(config, new MicrometerCollectorEvents(registry), clock,
                FileOpener.DEFAULT, secondCommitFails())) {
            collector.runUntilCaughtUp();
            append(ANA_FILE, "{\"type\":\"user\",\"cut\n", line(l2));
            CollectorStats stats = collector.runUntilCaughtUp();

            assertThat(stats.transactionsAborted()).isEqualTo(1);
            assertThat(stats.committed().deadLetters()).isEqualTo(1);
        }

        assertThat(registry.get(MicrometerCollectorEvents.PREFIX + "dlq.records").counter().count()).isEqualTo(1);
        assertThat(registry.get(MicrometerCollectorEvents.PREFIX + "events").counter().count()).isEqualTo(2);
        assertThat(registry.get(MicrometerCollectorEvents.PREFIX + "transactions.aborted").counter().count()).isEqualTo(1);
    }

    @Test
    void anUnreadableFileIsReportedOnceRetriedAndTheRestKeepsFlowing() throws IOException {
        String ana = userPrompt(ANA_SESSION, "u-1", T0, "readable");
        String bob = userPrompt(BOB_SESSION, "u-2", T0, "0600 root-owned");
        write(ANA_FILE, line(ana));
        write(BOB_FILE, line(bob));
        AtomicBoolean denied = new AtomicBoolean(true);
        FileOpener permissions = path -> {
            if (denied.get() && path.endsWith(BOB_FILE)) {
                throw new AccessDeniedException(path.toString());
            }
            return FileOpener.DEFAULT.open(path);
        };

        try (Collector collector = collector(permissions, Collector.kafkaPublishers(config))) {
            collector.runUntilCaughtUp();
            CollectorStats whileDenied = collector.runUntilCaughtUp();
            assertThat(CommittedReader.values(published())).containsExactly(ana);
            assertThat(whileDenied.filesUnreadable()).isEqualTo(1);

            denied.set(false);
            CollectorStats granted = collector.runUntilCaughtUp();
            assertThat(granted.filesUnreadable()).isZero();
        }

        assertThat(CommittedReader.values(published())).containsExactly(ana, bob);
        assertThat(events.of("fileUnreadable")).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(BOB_FILE);
            assertThat(e.detail()).startsWith("permission denied");
        });
        assertThat(events.of("fileReadableAgain")).hasSize(1);
    }

    @Test
    void aTenMegabyteLineIsPublishedShortenedAndCounted() throws IOException {
        String huge = bashProgress(ANA_SESSION, "u-big", T0, 30, "z".repeat(10 * 1024 * 1024));
        String after = userPrompt(ANA_SESSION, "u-2", T0.plusSeconds(1), "after the big one");
        write(ANA_FILE, line(huge), line(after));

        CollectorStats stats = runOnce();

        List<Seen> records = published();
        assertThat(records).hasSize(2);
        JsonNode shortened = readTree(records.get(0).value());
        assertThat(records.get(0).value().getBytes(UTF_8).length).isLessThanOrEqualTo(config.maxEventBytes());
        assertThat(shortened.path("uuid").asText()).isEqualTo("u-big");
        assertThat(shortened.path("data").path("fullOutput").asText()).contains(EventShortener.MARKER_PREFIX);
        assertThat(records.get(1).value()).isEqualTo(after);
        assertThat(stats.committed().truncated()).isEqualTo(1);
        assertThat(events.of("eventTruncated")).hasSize(1);
    }

    @Test
    void sinceAndUntilSelectByTheEventsOwnTimestampAndLetUntimedLinesPass() throws IOException {
        String early = userPrompt(ANA_SESSION, "u-1", T0, "early");
        String inside = userPrompt(ANA_SESSION, "u-2", T0.plusSeconds(3600), "inside");
        String late = userPrompt(ANA_SESSION, "u-3", T0.plusSeconds(7200), "late");
        String title = summary("no timestamp");
        write(ANA_FILE, line(early), line(inside), line(title), line(late));
        config = config.withSince(T0.plusSeconds(1800)).withUntil(T0.plusSeconds(7200));

        CollectorStats stats = runOnce();

        assertThat(CommittedReader.values(published())).containsExactly(inside, title);
        assertThat(stats.committed().filtered()).isEqualTo(2);
    }

    @Test
    void aFileReplacedByRenameWithAppendedLinesResumesAndARewrittenOneIsReadAgain() throws IOException {
        String l1 = userPrompt(ANA_SESSION, "u-1", T0, "one");
        String l2 = userPrompt(ANA_SESSION, "u-2", T0.plusSeconds(1), "two");
        String l3 = userPrompt(ANA_SESSION, "u-3", T0.plusSeconds(2), "three");
        write(ANA_FILE, line(l1), line(l2));
        runOnce();

        write("ana/.copy.tmp", line(l1), line(l2), line(l3));
        Files.move(root.resolve("ana/.copy.tmp"), root.resolve(ANA_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        runOnce();
        assertThat(CommittedReader.values(published())).containsExactly(l1, l2, l3);

        String rewritten = userPrompt(ANA_SESSION, "u-1", T0, "one, edited");
        write(ANA_FILE, line(rewritten), line(l2), line(l3));
        CollectorStats stats = runOnce();

        assertThat(CommittedReader.values(published())).containsExactly(l1, l2, l3, rewritten, l2, l3);
        assertThat(stats.committed().rereads()).isEqualTo(1);
        assertThat(events.of("fileReread")).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("rewritten"));
    }

    /** A real producer whose n-th commit fails, as a broker or network failure would make it. */
    private static final class FailingCommit implements TransactionalPublisher {
        private final TransactionalPublisher delegate;
        private final AtomicInteger commits;
        private final int failing;

        FailingCommit(TransactionalPublisher delegate, AtomicInteger commits, int failing) {
            this.delegate = delegate;
            this.commits = commits;
            this.failing = failing;
        }

        @Override
        public void begin() {
            delegate.begin();
        }

        @Override
        public void send(ProducerRecord<byte[], byte[]> record) {
            delegate.send(record);
        }

        @Override
        public void commit() {
            if (commits.incrementAndGet() == failing) {
                throw new KafkaException("injected: broker went away during commit");
            }
            delegate.commit();
        }

        @Override
        public void abort() {
            delegate.abort();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
