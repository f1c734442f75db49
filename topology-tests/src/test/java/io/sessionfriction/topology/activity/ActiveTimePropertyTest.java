package io.sessionfriction.topology.activity;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.sessionfriction.processor.activity.Block;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.topology.ActiveTimeDefinition;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sessions delivered as shuffled 30-minute batches, within the allowed lateness and behind another
 * session that already advanced stream time, must give exactly the active time of the definition:
 * sort the session's timestamps; a gap greater than the threshold starts a new block; active time is the
 * sum of (last - first) over the blocks.
 */
class ActiveTimePropertyTest {

    private static final long GAP_MILLIS = Duration.ofMinutes(10).toMillis();
    private static final long MAX_SPAN_MILLIS = Duration.ofDays(6).toMillis();

    @Property(tries = 150)
    void activeTimeMatchesTheDefinitionWhateverTheBatchOrder(@ForAll("gaps") List<Long> gapsMillis, @ForAll long shuffleSeed) {
        List<Instant> times = timesFrom(gapsMillis);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            lines.add(i % 2 == 0 ? aUserPrompt("question " + i).at(times.get(i)) : anAssistantText("answer " + i).at(times.get(i)));
        }
        List<List<Line>> batches = ActiveBlocksTest.inThirtyMinuteBatches(lines);
        Collections.shuffle(batches, new Random(shuffleSeed));

        try (FrictionDriver driver = FrictionDriver.start()) {
            // Another user's session is already at the end of this one: stream time is ahead of every batch.
            driver.pipe("other", "bob", aUserPrompt("ahead").at(times.get(times.size() - 1)));
            batches.forEach(batch -> driver.pipe("s1", "alice", batch));

            SessionActivity activity = driver.activity().get("s1");
            List<long[]> expected = ActiveTimeDefinition.blocks(times, Duration.ofMillis(GAP_MILLIS));
            assertThat(activity.blocks()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Block block = activity.blocks().get(i);
                assertThat(block.start().toEpochMilli()).isEqualTo(expected.get(i)[0]);
                assertThat(block.end().toEpochMilli()).isEqualTo(expected.get(i)[1]);
            }
            long expectedMillis = expected.stream().mapToLong(block -> block[1] - block[0]).sum();
            assertThat(activity.totalActiveSeconds()).isEqualTo(expectedMillis / 1000.0);
            assertThat(driver.late()).isEmpty();
        }
    }

    /** Gaps between consecutive events: mostly seconds, some right at the threshold, some hours. */
    @Provide
    Arbitrary<List<Long>> gaps() {
        Arbitrary<Long> gap = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.longs().between(0, 120_000)),
                Tuple.of(2, Arbitraries.of(GAP_MILLIS - 1, GAP_MILLIS, GAP_MILLIS + 1)),
                Tuple.of(3, Arbitraries.longs().between(GAP_MILLIS, Duration.ofHours(3).toMillis())),
                Tuple.of(1, Arbitraries.longs().between(Duration.ofHours(3).toMillis(), Duration.ofHours(40).toMillis())));
        return gap.list().ofMinSize(0).ofMaxSize(60)
                .filter(gaps -> gaps.stream().mapToLong(Long::longValue).sum() <= MAX_SPAN_MILLIS);
    }

    private static List<Instant> timesFrom(List<Long> gapsMillis) {
        List<Instant> times = new ArrayList<>();
        Instant at = T0;
        times.add(at);
        for (long gap : gapsMillis) {
            at = at.plusMillis(gap);
            times.add(at);
        }
        return times;
    }
}
