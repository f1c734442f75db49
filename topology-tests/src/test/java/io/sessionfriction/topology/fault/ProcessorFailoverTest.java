package io.sessionfriction.topology.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.topology.TranscriptLines.Line;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.e2e.KafkaFixture;

/**
 * Processors in their own JVMs, killed with SIGKILL mid-stream (exactly_once_v2, RocksDB state): what read_committed
 * consumers see afterwards is exactly a clean run's, every line enriched once and every alert record once.
 */
class ProcessorFailoverTest {

    private static final int SESSIONS = 4;
    private static final int TURNS = 6;
    @RegisterExtension
    static final SharedBroker kafka = KafkaFixture.perClass();

    @TempDir
    Path sessions;
    @TempDir
    Path stateOne;
    @TempDir
    Path stateTwo;
    @TempDir
    Path stateThree;

    private final Map<String, List<Line>> published = new LinkedHashMap<>();

    private static String sessionKey(int session) {
        return String.format("5e550000-0000-4000-8000-%012d", session);
    }

    /** Every session's next batch, appended to its file and published by the collector. */
    private void publishBatch(TestPipeline pipeline, int batch) throws Exception {
        for (int session = 0; session < SESSIONS; session++) {
            List<Line> lines = Workload.batch(session, batch, TURNS);
            published.computeIfAbsent(sessionKey(session), key -> new ArrayList<>()).addAll(lines);
            pipeline.append("ana", "2026-02-11_" + sessionKey(session) + ".jsonl", lines);
        }
        pipeline.collectOnce();
    }

    private void expectACleanRunsResults(TestPipeline pipeline) {
        CleanRun clean = CleanRun.of("ana", published);
        List<ConsumerRecord<String, EnrichedEvent>> enriched =
                pipeline.read(Topics.SESSION_EVENTS_ENRICHED, read -> read.size() >= clean.enriched().size());
        List<ConsumerRecord<String, JsonNode>> alerts = pipeline.read(Topics.FRICTION_ALERTS, read -> read.size() >= clean.alerts().size());

        assertThat(enriched).extracting(record -> record.value().uuid()).containsExactlyInAnyOrderElementsOf(clean.enriched());
        assertThat(alerts).extracting(record -> CleanRun.alertAndCount(record.value()))
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(clean.alerts());
        new Accounting(pipeline.prefix(), clean.enriched().size(), clean.enriched().size(), 0, 0, enriched.size(), alerts.size(), 0).log();
        assertThat(pipeline.read(Topics.SESSION_EVENTS_DLQ, read -> true)).isEmpty();
        assertThat(pipeline.read(Topics.SESSION_EVENTS_LATE, read -> true)).isEmpty();
    }

    @Test
    void oneOfTwoProcessorsKilledMidStreamLeavesTheResultsOfACleanRun() throws Exception {
        TestPipeline pipeline = new TestPipeline(kafka, "failover.", sessions, stateOne).withTopics(4);
        try (ChildProcessor one = ChildProcessor.start(pipeline.bootstrapServers(), pipeline.prefix(), stateOne, "failover-one").awaitRunning();
                ChildProcessor two = ChildProcessor.start(pipeline.bootstrapServers(), pipeline.prefix(), stateTwo, "failover-two").awaitRunning()) {
            publishBatch(pipeline, 0);
            int firstBatch = SESSIONS * TURNS * 5;
            assertThat(pipeline.read(Topics.SESSION_EVENTS_ENRICHED, read -> read.size() >= firstBatch)).hasSize(firstBatch);
            publishBatch(pipeline, 1);
            two.kill();
            publishBatch(pipeline, 2);

            expectACleanRunsResults(pipeline);
        }
    }

    @Test
    void aProcessorKilledThenRestartedOnItsStateAndThenOnNoneEmitsNoAlertTwice() throws Exception {
        TestPipeline pipeline = new TestPipeline(kafka, "restart.", sessions, stateOne).withTopics(2);
        try (ChildProcessor first = ChildProcessor.start(pipeline.bootstrapServers(), pipeline.prefix(), stateOne, "restart-first").awaitRunning()) {
            publishBatch(pipeline, 0);
            publishBatch(pipeline, 1);
            first.kill();
        }
        // The same state directory: RocksDB as the killed process left it, brought up to date from the changelogs.
        try (ChildProcessor second = ChildProcessor.start(pipeline.bootstrapServers(), pipeline.prefix(), stateOne, "restart-second").awaitRunning()) {
            publishBatch(pipeline, 2);
            int soFar = published.values().stream().mapToInt(List::size).sum();
            assertThat(pipeline.read(Topics.SESSION_EVENTS_ENRICHED, read -> read.size() >= soFar)).hasSize(soFar);
        }
        // A new machine: no local state, everything restored from the changelogs.
        try (ChildProcessor third = ChildProcessor.start(pipeline.bootstrapServers(), pipeline.prefix(), stateThree, "restart-third").awaitRunning()) {
            publishBatch(pipeline, 3);

            expectACleanRunsResults(pipeline);
        }
    }
}
