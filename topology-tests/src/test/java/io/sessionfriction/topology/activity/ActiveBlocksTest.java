package io.sessionfriction.topology.activity;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.activity.Block;
import io.sessionfriction.processor.activity.LateEvent;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;

/** Analysis mistake 2: a session spanning days with the laptop closed reports its minutes of activity, not days. */
class ActiveBlocksTest {

    // Four bursts of work, separated by 89.8 h, 4.9 h and 5.4 h of silence.
    private static final Instant BURST_1 = T0;
    private static final Instant BURST_2 = BURST_1.plus(Duration.ofSeconds(72)).plus(hours(89.8));
    private static final Instant BURST_3 = BURST_2.plus(Duration.ofSeconds(95)).plus(hours(4.9));
    private static final Instant BURST_4 = BURST_3.plus(Duration.ofMillis(61_500)).plus(hours(5.4));

    @Test
    void aFourDaySessionReportsItsMinutesOfActivity() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice", fourDaySession());

            SessionActivity activity = driver.activity().get("s1");
            assertThat(activity.blocks()).extracting(Block::start, Block::end).containsExactly(
                    tuple(BURST_1, BURST_1.plusSeconds(72)),
                    tuple(BURST_2, BURST_2.plusSeconds(95)),
                    tuple(BURST_3, BURST_3.plusMillis(61_500)),
                    tuple(BURST_4, BURST_4.plusSeconds(48)));
            assertThat(activity.blocks()).extracting(Block::activeSeconds).containsExactly(72.0, 95.0, 61.5, 48.0);
            assertThat(activity.totalActiveSeconds()).isEqualTo(276.5);                       // 4.6 minutes
            assertThat(activity.firstEvent()).isEqualTo(BURST_1);
            assertThat(activity.lastEvent()).isEqualTo(BURST_4.plusSeconds(48));
            assertThat(activity.wallClockSeconds()).isGreaterThan(4 * 86_400 - 1);            // over 4 days of wall clock
            assertThat(activity.user()).isEqualTo("alice");
        }
    }

    @Test
    void eachBlockCountsItsEventsToolUsesAndErrors() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aUserPrompt("sync the data").at(T0),
                    aBashToolUse("rsync -a /data/in /data/out").id("toolu_1").at(T0.plusSeconds(5)),
                    aBashError("toolu_1", 23, "rsync error: some files could not be transferred").at(T0.plusSeconds(9)),
                    aUserPrompt("back after lunch").at(T0.plus(Duration.ofHours(1))));

            assertThat(driver.activity().get("s1").blocks())
                    .extracting(Block::events, Block::toolUses, Block::errors)
                    .containsExactly(tuple(3L, 1L, 1L), tuple(1L, 0L, 0L));
        }
    }

    @Test
    void aGapOfExactlyTheThresholdStaysInTheBlockAndOneMillisecondMoreStartsANewOne() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aUserPrompt("a").at(T0),
                    aUserPrompt("b").at(T0.plus(Duration.ofMinutes(10))),
                    aUserPrompt("c").at(T0.plus(Duration.ofMinutes(20)).plusMillis(1)));

            assertThat(driver.activity().get("s1").blocks()).extracting(Block::activeSeconds).containsExactly(600.0, 0.0);
        }
    }

    @Test
    void thirtyMinuteBatchesArrivingInAnyOrderGiveTheSameFigures() {
        List<List<Line>> batches = inThirtyMinuteBatches(fourDaySession());
        Collections.shuffle(batches, new Random(42));
        try (FrictionDriver driver = FrictionDriver.start()) {
            batches.forEach(batch -> driver.pipe("s1", "alice", batch));

            SessionActivity activity = driver.activity().get("s1");
            assertThat(activity.totalActiveSeconds()).isEqualTo(276.5);
            assertThat(activity.blocks()).extracting(Block::activeSeconds).containsExactly(72.0, 95.0, 61.5, 48.0);
        }
    }

    @Test
    void aLateBatchBridgingTwoBlocksMergesThemAndTheCorrectionIsEmitted() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice", aUserPrompt("first").at(T0), aUserPrompt("third").at(T0.plus(Duration.ofMinutes(16))));
            assertThat(driver.activity().get("s1").blocks()).hasSize(2);

            driver.pipe("s1", "alice", anAssistantText("second, arriving late").at(T0.plus(Duration.ofMinutes(8))));

            SessionActivity corrected = driver.activity().get("s1");
            assertThat(corrected.blocks()).singleElement().satisfies(block -> {
                assertThat(block.activeSeconds()).isEqualTo(960.0);
                assertThat(block.events()).isEqualTo(3);
            });
        }
    }

    @Test
    void anotherUsersEventsAdvancingStreamTimeDoNotDropALateBatchWithinTheAllowedLateness() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            // Machine A's batch carries events up to 10:00; machine B's 08:00-09:30 batch arrives afterwards.
            Instant ten = Instant.parse("2026-02-12T10:00:00Z");
            driver.pipe("a", "alice", aUserPrompt("A's work").at(ten.minusSeconds(120)), aUserPrompt("A again").at(ten));
            driver.pipe("b", "bob",
                    aUserPrompt("B starts").at(ten.minus(Duration.ofHours(2))),
                    anAssistantText("B answer").at(ten.minus(Duration.ofHours(2)).plusSeconds(100)),
                    aUserPrompt("B later").at(ten.minus(Duration.ofMinutes(30))),
                    anAssistantText("B later answer").at(ten.minus(Duration.ofMinutes(30)).plusSeconds(50)));
            // Days later on the same partition, still within 7 days.
            driver.pipe("a", "alice", aUserPrompt("A, three days on").at(ten.plus(Duration.ofDays(3))));
            driver.pipe("b", "bob", aUserPrompt("B's delayed batch").at(ten.minus(Duration.ofMinutes(29))));

            SessionActivity bob = driver.activity().get("b");
            assertThat(bob.blocks()).extracting(Block::activeSeconds).containsExactly(100.0, 60.0);
            assertThat(driver.late()).isEmpty();
        }
    }

    @Test
    void anEventBeyondTheAllowedLatenessGoesToTheLateTopicAndACounterNeverNowhere() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            Line tooLate = aUserPrompt("from last month").at(T0.minus(Duration.ofDays(8)));
            driver.pipe("a", "alice", aUserPrompt("now").at(T0));
            driver.pipe("b", "bob", tooLate);

            List<LateEvent> late = driver.late();
            assertThat(late).singleElement().satisfies(event -> {
                assertThat(event.sessionKey()).isEqualTo("b");
                assertThat(event.user()).isEqualTo("bob");
                assertThat(event.eventTime()).isEqualTo(T0.minus(Duration.ofDays(8)));
                assertThat(event.streamTime()).isEqualTo(T0);
                assertThat(event.event().path("uuid").asText()).isEqualTo(tooLate.uuid());
            });
            assertThat(driver.counter(MeteredProcessorEvents.LATE_EVENTS)).isEqualTo(1);
            assertThat(driver.activity()).doesNotContainKey("b");
            assertThat(driver.enriched()).extracting(EnrichedEvent::sessionKey).containsExactly("a");
        }
    }

    @Test
    void theEnrichedEventCarriesItsBlockAndTheSessionStartAsKnownWhenProcessed() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aUserPrompt("first").at(T0.plusSeconds(60)),
                    aUserPrompt("second").at(T0.plusSeconds(90)),
                    aUserPrompt("earlier, arriving late").at(T0));

            List<EnrichedEvent> events = driver.enriched();
            assertThat(events).extracting(event -> event.block().start(), event -> event.block().end(), EnrichedEvent::sessionStart)
                    .containsExactly(
                            tuple(T0.plusSeconds(60), T0.plusSeconds(60), T0.plusSeconds(60)),
                            tuple(T0.plusSeconds(60), T0.plusSeconds(90), T0.plusSeconds(60)),
                            tuple(T0, T0.plusSeconds(90), T0));
        }
    }

    /** Events every few seconds within each burst, in file order. */
    static List<Line> fourDaySession() {
        List<Line> lines = new ArrayList<>();
        burst(lines, BURST_1, 0, 20_000, 45_000, 72_000);
        burst(lines, BURST_2, 0, 30_000, 60_000, 95_000);
        burst(lines, BURST_3, 0, 1_500, 40_000, 61_500);
        burst(lines, BURST_4, 0, 12_000, 48_000);
        return lines;
    }

    private static void burst(List<Line> lines, Instant start, long... offsetsMillis) {
        for (int i = 0; i < offsetsMillis.length; i++) {
            Instant at = start.plusMillis(offsetsMillis[i]);
            lines.add(i % 2 == 0 ? aUserPrompt("question " + lines.size()).at(at) : anAssistantText("answer " + lines.size()).at(at));
        }
    }

    /** Splits lines the way the copy job delivers them: by 30-minute windows of event time. */
    static List<List<Line>> inThirtyMinuteBatches(List<Line> lines) {
        List<List<Line>> batches = new ArrayList<>();
        long current = Long.MIN_VALUE;
        for (Line line : lines) {
            long batch = line.timestamp().toEpochMilli() / Duration.ofMinutes(30).toMillis();
            if (batch != current) {
                batches.add(new ArrayList<>());
                current = batch;
            }
            batches.get(batches.size() - 1).add(line);
        }
        return batches;
    }

    private static Duration hours(double hours) {
        return Duration.ofMillis(Math.round(hours * 3_600_000));
    }
}
