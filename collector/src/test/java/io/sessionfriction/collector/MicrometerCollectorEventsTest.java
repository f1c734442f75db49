package io.sessionfriction.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
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

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerCollectorEvents events = new MicrometerCollectorEvents(registry);
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
        return registry.get(name).counter().count();
    }

    @Test
    void aMalformedLineIsLoggedWithFileAndLineAtOnceAndCountedWhenItsTransactionCommits() {
        events.lineRejected(FILE, 17, 4096, "Unexpected end-of-input at column 40");

        assertThat(messages()).singleElement().asString()
                .contains("line 17").contains(FILE).contains("offset 4096").contains("column 40");
        assertThat(count("collector.dlq.records")).isZero();

        events.committed(new CollectorCounts(1, 0, 60, 1, 0, 0, 0, 0, Map.of()), Duration.ofMillis(3));
        assertThat(count("collector.dlq.records")).isEqualTo(1);
    }

    @Test
    void anUnreadableFileNamesTheFileAndTheFix() {
        events.fileUnreadable(FILE, "java.nio.file.AccessDeniedException", true);

        assertThat(count("collector.files.unreadable")).isEqualTo(1);
        assertThat(messages()).singleElement().asString()
                .contains(FILE).contains("setfacl -m g:data-ops:r").contains("chown root:data-ops");
    }

    @Test
    void lagIsAGaugePerFileThatDropsToZeroWhenTheFileGoes() {
        events.lag(FILE, 42);
        assertThat(registry.get("collector.lag.bytes").tag("file", FILE).gauge().value()).isEqualTo(42);

        events.fileUntracked(FILE);
        assertThat(registry.get("collector.lag.bytes").tag("file", FILE).gauge().value()).isZero();
    }

    @Test
    void aCommitCountsLinesEventsBytesAndTimesThePublish() {
        events.committed(new CollectorCounts(3, 4, 1000, 0, 0, 0, 0, 0, Map.of()), Duration.ofMillis(12));
        events.filesTracked(7);

        assertThat(count("collector.lines")).isEqualTo(3);
        assertThat(count("collector.events")).isEqualTo(4);
        assertThat(count("collector.bytes")).isEqualTo(1000);
        assertThat(registry.get("collector.publish.latency").timer().count()).isEqualTo(1);
        assertThat(registry.get("collector.files.tracked").gauge().value()).isEqualTo(7);
    }

    @Test
    void truncationsRereadsAndSkippedFilesAreCountedByTheirCommitAndAbortsAtOnce() {
        events.eventTruncated(FILE, 3, 10_000_000, 8_000_000);
        events.fileReread(FILE, "rewritten");
        events.aborted("broker went away");
        events.fileNotATranscript("ana/other-tool.jsonl", "Unexpected end-of-input");
        events.committed(new CollectorCounts(0, 1, 0, 1, 1, 2, 1, 1, Map.of()), Duration.ofMillis(5));

        assertThat(messages()).hasSize(4);
        assertThat(count("collector.filtered.events")).isEqualTo(2);
        assertThat(count("collector.truncated.events")).isEqualTo(1);
        assertThat(count("collector.files.reread")).isEqualTo(1);
        assertThat(count("collector.transactions.aborted")).isEqualTo(1);
        assertThat(count("collector.files.not.transcripts")).isEqualTo(1);
        assertThat(count("collector.dlq.records")).isEqualTo(1);
    }

    @Test
    void redactionsAreCountedByKindWhenTheirTransactionCommitsNeverWithTheValue() {
        events.committed(new CollectorCounts(1, 0, 60, 1, 0, 0, 0, 0,
                Map.of("aws-secret-key", 2L, "jwt", 1L)), Duration.ofMillis(3));

        assertThat(registry.get("collector.redactions").tag("kind", "aws-secret-key").counter().count()).isEqualTo(2);
        assertThat(registry.get("collector.redactions").tag("kind", "jwt").counter().count()).isEqualTo(1);
        assertThat(registry.get("collector.redactions").counters()).allSatisfy(counter ->
                assertThat(counter.getId().getTags()).extracting(tag -> tag.getKey()).containsExactly("kind"));
    }
}
