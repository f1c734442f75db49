package io.sessionfriction.topology.replay;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * A replay on a broker of its own leaves out the sink of {@code session-events-enriched}, the largest output it never
 * reads back: every other topic gets the same records, byte for byte, as with it.
 */
class ReplayWithoutEnrichedTopicTest {

    private static final ProcessorSettings REPLAY = ProcessorSettings.defaults()
            .withTuning(ProcessorSettings.Tuning.THROUGHPUT).withStreamThreads(1);

    private static final Line COPY = aBashToolUse("cp report.csv /srv/shared/");
    private static final Line SYNC = aBashToolUse("rsync -a data/ backup/").after(Duration.ofMinutes(1));
    /** One session: a permission wall, then a command that reports progress; a line that is no JSON follows it. */
    private static final List<Line> SESSION = List.of(aUserPrompt("Publish the report"), COPY,
            aBashError(COPY.toolUseId(), 1, "cp: cannot create regular file '/srv/shared/report.csv': Permission denied")
                    .after(Duration.ofSeconds(3)),
            SYNC, aBashProgress(SYNC.toolUseId()).after(Duration.ofMinutes(2)),
            aBashProgress(SYNC.toolUseId()).after(Duration.ofMinutes(4)),
            aToolResult(SYNC.toolUseId(), "sent 10 bytes").after(Duration.ofMinutes(5)));

    @Test
    void everyOtherTopicGetsTheSameRecordsAndTheEnrichedTopicNone() {
        Map<String, List<String>> withIt = written(REPLAY);
        Map<String, List<String>> without = written(REPLAY.withoutEnrichedTopic());

        String enriched = REPLAY.topic(Topics.SESSION_EVENTS_ENRICHED).name();
        assertThat(withIt.get(enriched)).as("the full topology's enriched events").hasSize(7);
        assertThat(without).doesNotContainKey(enriched);
        Map<String, List<String>> rest = new TreeMap<>(withIt);
        rest.remove(enriched);
        assertThat(rest).containsKeys(REPLAY.topic(Topics.FRICTION_ALERTS).name(), REPLAY.topic(Topics.SESSION_ACTIVITY).name(),
                REPLAY.topic(Topics.COMMAND_PROGRESS).name(), REPLAY.topic(Topics.SESSION_EVENTS_DLQ).name());
        assertThat(without.keySet()).isEqualTo(rest.keySet());
        rest.forEach((topic, records) -> assertThat(without.get(topic)).as(topic).containsExactlyElementsOf(records));
    }

    /** Every record each topic got from {@link #SESSION}. */
    private static Map<String, List<String>> written(ProcessorSettings settings) {
        RuleCatalogue catalogue = RuleCatalogue.defaults();
        try (FrictionDriver driver = FrictionDriver.start(settings, new RuleMatcher(catalogue),
                new FrictionAlertStage(catalogue, FixesRegistry.empty(), settings))) {
            driver.pipe("s1", "carol", SESSION);
            driver.pipeRaw("s1", "carol", "{\"type\":\"user\",\"message\":");
            Map<String, List<String>> written = new TreeMap<>();
            driver.everyRecordWritten().forEach((topic, records) -> written.put(topic, records.stream()
                    .map(ReplayWithoutEnrichedTopicTest::text).toList()));
            return written;
        }
    }

    private static String text(TestRecord<byte[], byte[]> record) {
        return record.timestamp() + " " + record.headers() + " " + utf8(record.key()) + " " + utf8(record.value());
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}
