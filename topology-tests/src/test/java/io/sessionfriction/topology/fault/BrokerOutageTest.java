package io.sessionfriction.topology.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.topology.TranscriptLines.Line;
import io.sessionfriction.topology.e2e.RunningProcessor;

/**
 * The broker stopped and restarted on the same log dir while files grow, the collector tails them and the
 * processor runs (exactly_once_v2): afterwards every line is enriched exactly once and the alerts are
 * those of a run without the outage, none emitted twice.
 */
class BrokerOutageTest {

    private static final int SESSIONS = 3;
    private static final int TURNS = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(12);

    @TempDir
    Path logDir;
    @TempDir
    Path sessions;
    @TempDir
    Path stateDir;

    private static String sessionKey(int session) {
        return String.format("5e550000-0000-4000-8000-%012d", session);
    }

    @Test
    void aBrokerRestartMidStreamLosesNothingAndRepeatsNothing() throws Exception {
        Map<String, List<Line>> all = new LinkedHashMap<>();
        try (StandaloneBroker broker = StandaloneBroker.start(logDir)) {
            TestPipeline pipeline = new TestPipeline(broker, "outage.", sessions, stateDir).withTopics(2);
            try (RunningProcessor processor = pipeline.startProcessor();
                    Collector collector = Collector.create(pipeline.collectorConfig()
                            .withTiming(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(5)), new SimpleMeterRegistry())) {
                collector.start();
                for (int batch = 0; batch < 3; batch++) {
                    for (int session = 0; session < SESSIONS; session++) {
                        List<Line> lines = Workload.batch(session, batch, TURNS);
                        all.computeIfAbsent(sessionKey(session), key -> new ArrayList<>()).addAll(lines);
                        pipeline.append("ana", "2026-02-11_" + sessionKey(session) + ".jsonl", lines);
                    }
                    if (batch == 0) {
                        int firstBatch = SESSIONS * TURNS * 5;
                        assertThat(pipeline.read(Topics.SESSION_EVENTS_ENRICHED, read -> read.size() >= firstBatch)).hasSize(firstBatch);
                        broker.stop();
                    } else if (batch == 1) {
                        // The second batch is written while the broker is down; the collector sees it and waits.
                        Awaitility.await().pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(1)).until(() -> true);
                        broker.start();
                    }
                }
                CleanRun clean = CleanRun.of("ana", all);
                List<ConsumerRecord<String, EnrichedEvent>> enriched =
                        pipeline.read(Topics.SESSION_EVENTS_ENRICHED, read -> read.size() >= clean.enriched().size());
                List<ConsumerRecord<String, JsonNode>> alerts =
                        pipeline.read(Topics.FRICTION_ALERTS, read -> read.size() >= clean.alerts().size());

                assertThat(enriched).extracting(record -> record.value().uuid()).containsExactlyInAnyOrderElementsOf(clean.enriched());
                assertThat(alerts).extracting(record -> CleanRun.alertAndCount(record.value()))
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(clean.alerts());
                new Accounting("broker restarted mid-stream", clean.enriched().size(), collector.stats().committed().events(), 0, 0,
                        enriched.size(), alerts.size(), 0).log();
                assertThat(pipeline.read(Topics.SESSION_EVENTS_DLQ, read -> true)).isEmpty();
                assertThat(pipeline.read(Topics.SESSION_EVENTS_LATE, read -> true)).isEmpty();
                assertThat(collector.stats().committed().events()).isEqualTo(clean.enriched().size());
                assertThat(processor.state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
        }
    }
}
