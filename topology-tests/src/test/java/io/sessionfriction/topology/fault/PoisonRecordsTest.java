package io.sessionfriction.topology.fault;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.collector.CollectorStats;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.TranscriptLines.Line;
import io.sessionfriction.topology.e2e.KafkaFixture;
import io.sessionfriction.topology.e2e.RunningProcessor;

/**
 * Lines that used to stop a partition for good, through the collector, a real broker (message.max.bytes
 * 8 MiB, the default log.message.timestamp.after.max.ms of one hour) and the processor under
 * exactly_once_v2: there a failed send aborts the transaction and the same record comes back after every
 * restart, so each output must fit by construction. Every case ends with every line accounted for and
 * the alerts of the lines behind the poison one, in its session and in another on the same partition.
 */
class PoisonRecordsTest {

    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @TempDir
    Path sessions;
    @TempDir
    Path stateDir;
    private TestPipeline pipeline;

    @BeforeEach
    void ownPipeline() {
        // One partition: the poison line and the other session share one task, one transaction, one clock.
        pipeline = new TestPipeline(kafka, "poison-" + TEST_NUMBER.incrementAndGet() + ".", sessions, stateDir).withTopics(1);
    }

    /** Ana's session: a prompt, a Read, the given result, then a copy that fails on a permission wall. */
    private static List<Line> anasSession(Instant start, Line readResultOrOther, Line readCall) {
        Line prompt = aUserPrompt("summarise last quarter's export").at(start);
        Line cp = aBashToolUse("cp target/q4.csv /data/shared/finance/").at(start.plusSeconds(40));
        Line denied = aBashError(cp.toolUseId(), 1, "cp: cannot create regular file '/data/shared/finance/q4.csv': Permission denied")
                .at(start.plusSeconds(41));
        return List.of(prompt, readCall, readResultOrOther, cp, denied);
    }

    /** Bob's session on the same partition: a command that is not installed. */
    private static List<Line> bobsSession(Instant start) {
        Line prompt = aUserPrompt("plot the churn curve").sessionId("b0b00000-0000-4000-8000-000000000001").at(start);
        Line plot = aBashToolUse("gnuplot churn.gp").sessionId("b0b00000-0000-4000-8000-000000000001").at(start.plusSeconds(3));
        Line missing = aBashError(plot.toolUseId(), 127, "bash: gnuplot: command not found")
                .sessionId("b0b00000-0000-4000-8000-000000000001").at(start.plusSeconds(4));
        return List.of(prompt, plot, missing);
    }

    private static Line aReadOf(String path) {
        return aToolUse("Read").input("file_path", path);
    }

    private static String text(int chars) {
        StringBuilder text = new StringBuilder(chars + 64);
        for (int row = 0; text.length() < chars; row++) {
            text.append(row).append(",2026-01-").append(row % 28 + 1).append(",acme-").append(row % 97).append(",4711.00\n");
        }
        return text.toString();
    }

    @Test
    void aToolResultOfOnePointOneMegabytesIsEnrichedShortenedAndTheSessionsBehindItGoOn() throws Exception {
        Instant t0 = Instant.parse("2026-02-11T20:00:00Z");
        Line read = aReadOf("/data/exports/q4.csv").at(t0.plusSeconds(5));
        // The content is in both the tool_result and toolUseResult, as Claude Code writes it: 1.1 MB in all.
        Line huge = aToolResult(read.toolUseId(), text(550_000)).at(t0.plusSeconds(6));
        assertThat(huge.json().length()).isBetween(1_100_000, 1_200_000);

        expectEveryLineAndTheAlertsBehindIt(anasSession(t0, huge, read), bobsSession(t0.plusSeconds(60)), huge);
    }

    @Test
    void aTwentyMegabyteLineShortenedByTheCollectorIsProcessedAndTheSessionsBehindItGoOn() throws Exception {
        Instant t0 = Instant.parse("2026-02-11T20:00:00Z");
        Line read = aReadOf("/data/exports/all.csv").at(t0.plusSeconds(5));
        Line huge = aToolResult(read.toolUseId(), text(10_000_000)).at(t0.plusSeconds(6));

        expectEveryLineAndTheAlertsBehindIt(anasSession(t0, huge, read), bobsSession(t0.plusSeconds(60)), huge);
    }

    @Test
    void aLaptopWhoseClockIsTwoHoursFastIsProcessedLikeAnyOtherSession() throws Exception {
        // The broker refuses record times more than an hour ahead of its own clock, so here the lines are
        // stamped relative to that clock: Ana's laptop two hours fast, Bob's on time.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant fast = now.plus(Duration.ofHours(2));
        Line read = aReadOf("/data/exports/q4.csv").at(fast.plusSeconds(5));
        Line result = aToolResult(read.toolUseId(), "id,month,total\n1,2026-01,4711.00").at(fast.plusSeconds(6));
        List<Line> ana = anasSession(fast, result, read);

        List<ConsumerRecord<String, JsonNode>> alerts =
                expectEveryLineAndTheAlertsBehindIt(ana, bobsSession(now.minusSeconds(30)), null);

        // The event's own time stays in what is written, for everything that reads it.
        assertThat(alerts).filteredOn(alert -> alert.key().equals(ANA))
                .allSatisfy(alert -> assertThat(alert.value().path("timestamp").asText()).isEqualTo(ana.get(4).timestamp().toString()));
    }

    @Test
    void aLineStampedInTheYear2999GoesToTheLateTopicWithItsReasonAndTheRestIsProcessed() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        Line read = aReadOf("/data/exports/q4.csv").at(start.plusSeconds(5));
        Line future = anAssistantText("Reading the export now.").at(Instant.parse("2999-01-01T00:00:00Z"));
        List<Line> ana = anasSession(start, future, read);
        pipeline.write("ana", "2026-02-11_" + ANA + ".jsonl", ana);
        pipeline.write("bob", "2026-02-11_" + BOB + ".jsonl", bobsSession(start.plusSeconds(60)));

        try (RunningProcessor processor = pipeline.startProcessor()) {
            assertThat(pipeline.collectOnce().committed().events()).isEqualTo(8);

            List<ConsumerRecord<String, JsonNode>> late = pipeline.read(LATE, read1 -> !read1.isEmpty());
            assertThat(late).singleElement().satisfies(record -> {
                assertThat(record.value().path("event").path("uuid").asText()).isEqualTo(future.uuid());
                assertThat(record.value().path("reason").asText()).contains("ahead of the processor's clock");
            });
            assertThat(pipeline.read(Topics.SESSION_EVENTS_ENRICHED, enriched -> enriched.size() >= 7))
                    .extracting(record -> record.value().uuid()).hasSize(7).doesNotContain(future.uuid());
            assertThat(pipeline.read(ALERTS, alerts -> alerts.size() >= 2))
                    .extracting(ConsumerRecord::key, alert -> alert.value().path("rule").asText())
                    .containsExactlyInAnyOrder(tuple(ANA, "permission-denied"), tuple(BOB, "command-not-found"));
            assertThat(pipeline.read(Topics.SESSION_EVENTS_DLQ, dlq -> true)).isEmpty();
            assertThat(processor.state()).isEqualTo(KafkaStreams.State.RUNNING);
            new Accounting("line stamped 2999", 8, 8, 0, 1, 7, 2, 0).log();
        }
    }

    private static final String ANA = "a0a00000-0000-4000-8000-000000000001";
    private static final String BOB = "b0b00000-0000-4000-8000-000000000001";
    private static final Topics.Topic<String, JsonNode> LATE = Topics.SESSION_EVENTS_LATE.withValueSerde(Json.serde(JsonNode.class));
    private static final Topics.Topic<String, JsonNode> ALERTS = Topics.FRICTION_ALERTS;

    /**
     * Publishes both sessions through the collector and expects: every line enriched exactly once (the
     * poison line shortened with a marker where given), nothing dead or late, the alerts of the two failures
     * behind it, and the processor still running.
     */
    private List<ConsumerRecord<String, JsonNode>> expectEveryLineAndTheAlertsBehindIt(List<Line> ana, List<Line> bob, Line shortened)
            throws Exception {
        pipeline.write("ana", "2026-02-11_" + ANA + ".jsonl", ana);
        pipeline.write("bob", "2026-02-11_" + BOB + ".jsonl", bob);
        int lines = ana.size() + bob.size();

        try (RunningProcessor processor = pipeline.startProcessor()) {
            CollectorStats collected = pipeline.collectOnce();
            assertThat(collected.committed().lines()).isEqualTo(lines);
            assertThat(collected.committed().events()).isEqualTo(lines);

            List<ConsumerRecord<String, EnrichedEvent>> enriched =
                    pipeline.read(Topics.SESSION_EVENTS_ENRICHED, read -> read.size() >= lines);
            assertThat(enriched).extracting(record -> record.value().uuid())
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(ana.stream(), bob.stream()).map(Line::uuid).toList());
            if (shortened != null) {
                assertThat(enriched).filteredOn(record -> shortened.uuid().equals(record.value().uuid())).singleElement()
                        .satisfies(record -> assertThat(record.value().event().toString()).contains("…[truncated by "));
            }
            // One line gives one alert: the most specific rule that matched it.
            List<ConsumerRecord<String, JsonNode>> alerts = pipeline.read(ALERTS, read -> read.size() >= 2);
            assertThat(alerts).extracting(ConsumerRecord::key, alert -> alert.value().path("rule").asText())
                    .containsExactlyInAnyOrder(tuple(ANA, "permission-denied"), tuple(BOB, "command-not-found"));
            assertThat(pipeline.read(Topics.SESSION_EVENTS_DLQ, read -> true)).isEmpty();
            assertThat(pipeline.read(LATE, read -> true)).isEmpty();
            assertThat(processor.state()).isEqualTo(KafkaStreams.State.RUNNING);
            new Accounting(pipeline.prefix(), lines, collected.committed().events(), 0, 0, enriched.size(), alerts.size(), 0).log();
            return alerts;
        }
    }
}
