package io.sessionfriction.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MicrometerCollectorEventsTest {

    private static final String FILE = "ana/2026-02-11_258c7280.jsonl";

    private static final Instant T0 = Instant.parse("2026-02-11T20:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(T0);
    private final MicrometerCollectorEvents events = new MicrometerCollectorEvents(registry, Set.of("jwt", "aws-secret-key"), clock, Duration.ofMinutes(1));
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Collector.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private double count(String name) {
        return registry.get(MicrometerCollectorEvents.PREFIX + name).counter().count();
    }

    @Test
    void everyMeterExistsAtZeroBeforeAnythingHappens() {
        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .allMatch(name -> name.startsWith(MicrometerCollectorEvents.PREFIX))
                .contains(MicrometerCollectorEvents.PREFIX + "lines", MicrometerCollectorEvents.PREFIX + "dlq.records",
                        MicrometerCollectorEvents.PREFIX + "files.unreadable", MicrometerCollectorEvents.PREFIX + "transactions.aborted",
                        MicrometerCollectorEvents.LAG_BYTES, MicrometerCollectorEvents.LAGGING_FILES);
        // The simple registry shows a histogram's buckets as gauges tagged le; Prometheus shows them as the histogram's.
        assertThat(registry.getMeters()).filteredOn(meter -> !meter.getId().getName().endsWith(".histogram"))
                .filteredOn(meter -> !meter.getId().getName().equals(MicrometerCollectorEvents.REDACTIONS))
                .allSatisfy(meter -> assertThat(meter.getId().getTags()).as(meter.getId().toString()).isEmpty());
        assertThat(registry.find(MicrometerCollectorEvents.PREFIX + "lines").counter().count()).isZero();
        assertThat(registry.get(MicrometerCollectorEvents.REDACTIONS).counters()).as("one per kind of the redaction rules")
                .extracting(counter -> counter.getId().getTag("kind"), counter -> counter.count())
                .containsExactlyInAnyOrder(tuple("aws-secret-key", 0.0), tuple("jwt", 0.0));
    }

    @Test
    void aMalformedLineIsLoggedWithFileAndLineAtOnceAndCountedWhenItsTransactionCommits() {
        events.lineRejected(FILE, 17, 4096, "Unexpected end-of-input at column 40");

        assertThat(messages()).singleElement().asString()
                .contains("line 17").contains(FILE).contains("offset 4096").contains("column 40");
        assertThat(count("dlq.records")).isZero();

        events.committed(new CollectorCounts(1, 0, 60, 1, 0, 0, 0, 0, Map.of()), Duration.ofMillis(3));
        assertThat(count("dlq.records")).isEqualTo(1);
    }

    @Test
    void anUnreadableFileNamesTheFileAndTheFix() {
        events.fileUnreadable(FILE, "java.nio.file.AccessDeniedException", true);

        assertThat(count("files.unreadable")).isEqualTo(1);
        assertThat(messages()).singleElement().asString()
                .contains(FILE).contains("setfacl -m g:data-ops:r").contains("chown root:data-ops");
    }

    @Test
    void lagIsOneSumOverTheFilesWithoutALabelPerFileAndAGoneFileLeavesIt() {
        events.lag(FILE, 42);
        events.lag("bob/2026-02-11_d2cfe28b.jsonl", 100);
        events.lag("bob/2026-02-10_64dd87dd.jsonl", 0);
        assertThat(registry.get(MicrometerCollectorEvents.LAG_BYTES).gauge().value()).isEqualTo(142);
        assertThat(registry.get(MicrometerCollectorEvents.LAGGING_FILES).gauge().value()).isEqualTo(2);

        events.fileUntracked(FILE);
        assertThat(registry.get(MicrometerCollectorEvents.LAG_BYTES).gauge().value()).isEqualTo(100);
        assertThat(registry.get(MicrometerCollectorEvents.LAGGING_FILES).gauge().value()).isEqualTo(1);
    }

    @Test
    void theFilesBehindTheLagAreNamedLargestFirstAtMostOncePerInterval() {
        events.lag("a/1.jsonl", 10);
        events.lag("b/2.jsonl", 0);
        events.lag("c/3.jsonl", 3000);
        clock.advance(Duration.ofSeconds(59));
        events.lag("a/1.jsonl", 20);

        assertThat(messages()).containsExactly("Lag: 10 bytes in 1 files not yet published; largest: a/1.jsonl 10 B");

        clock.advance(Duration.ofSeconds(1));
        events.lag("d/4.jsonl", 20);
        assertThat(messages()).last().isEqualTo(
                "Lag: 3040 bytes in 3 files not yet published; largest: c/3.jsonl 3000 B, a/1.jsonl 20 B, d/4.jsonl 20 B");
    }

    @Test
    void aClosedCollectorsGaugesGoSoTheNextCollectorInTheProcessReportsItsOwn() {
        events.filesTracked(7);
        events.closed();
        MicrometerCollectorEvents next = new MicrometerCollectorEvents(registry);

        next.filesTracked(1);

        assertThat(registry.get(MicrometerCollectorEvents.PREFIX + "files.tracked").gauge().value()).isEqualTo(1);
    }

    @Test
    void publishLatencyIsAHistogramWithBuckets() {
        events.committed(new CollectorCounts(1, 1, 10, 0, 0, 0, 0, 0, Map.of()), Duration.ofMillis(40));

        assertThat(registry.get(MicrometerCollectorEvents.PREFIX + "publish.latency").timer().takeSnapshot().histogramCounts())
                .hasSize(12);
    }

    @Test
    void aCommitCountsLinesEventsBytesAndTimesThePublish() {
        events.committed(new CollectorCounts(3, 4, 1000, 0, 0, 0, 0, 0, Map.of()), Duration.ofMillis(12));
        events.filesTracked(7);

        assertThat(count("lines")).isEqualTo(3);
        assertThat(count("events")).isEqualTo(4);
        assertThat(count("bytes")).isEqualTo(1000);
        assertThat(registry.get(MicrometerCollectorEvents.PREFIX + "publish.latency").timer().count()).isEqualTo(1);
        assertThat(registry.get(MicrometerCollectorEvents.PREFIX + "files.tracked").gauge().value()).isEqualTo(7);
    }

    @Test
    void truncationsRereadsAndSkippedFilesAreCountedByTheirCommitAndAbortsAtOnce() {
        events.eventTruncated(FILE, 3, 10_000_000, 8_000_000);
        events.fileReread(FILE, "rewritten");
        events.aborted("broker went away");
        events.fileNotATranscript("ana/other-tool.jsonl", "Unexpected end-of-input");
        events.committed(new CollectorCounts(0, 1, 0, 1, 1, 2, 1, 1, Map.of()), Duration.ofMillis(5));

        assertThat(messages()).hasSize(4);
        assertThat(count("filtered.events")).isEqualTo(2);
        assertThat(count("truncated.events")).isEqualTo(1);
        assertThat(count("files.reread")).isEqualTo(1);
        assertThat(count("transactions.aborted")).isEqualTo(1);
        assertThat(count("files.not.transcripts")).isEqualTo(1);
        assertThat(count("dlq.records")).isEqualTo(1);
    }

    @Test
    void redactionsAreCountedByKindWhenTheirTransactionCommitsNeverWithTheValue() {
        events.committed(new CollectorCounts(1, 0, 60, 1, 0, 0, 0, 0,
                Map.of("aws-secret-key", 2L, "jwt", 1L)), Duration.ofMillis(3));

        assertThat(registry.get(MicrometerCollectorEvents.REDACTIONS).tag("kind", "aws-secret-key").counter().count()).isEqualTo(2);
        assertThat(registry.get(MicrometerCollectorEvents.REDACTIONS).tag("kind", "jwt").counter().count()).isEqualTo(1);
        assertThat(registry.get(MicrometerCollectorEvents.REDACTIONS).counters()).allSatisfy(counter ->
                assertThat(counter.getId().getTags()).extracting(tag -> tag.getKey()).containsExactly("kind"));
    }
}
