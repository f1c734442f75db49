package io.sessionfriction.topology.activity;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.activity.Block;
import io.sessionfriction.processor.activity.LateEvent;
import io.sessionfriction.processor.event.DeadLetter;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Stream time is one clock per partition, shared by every session on it, and it stamps every record
 * written: a single line must not move it far ahead of the other sessions' events (their events would
 * become late), nor stamp a record a broker refuses (by default more than an hour after its clock). The
 * test driver accepts any time, as a broker configured to would; the real broker's case is
 * {@code fault.PoisonRecordsTest}.
 */
class SkewedClocksTest {

    @Test
    void aLineStampedInTheYear2999MakesNoOtherEventLateAndIsKeptOnTheLateTopicWithItsReason() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            Line future = anAssistantText("on it").at(Instant.parse("2999-01-01T00:00:00Z"));
            driver.pipe("ana", "ana", aUserPrompt("load the export").at(T0), future);
            List<Line> bobs = IntStream.range(0, 10)
                    .mapToObj(i -> aUserPrompt("step " + i).at(T0.plusSeconds(60 + 10L * i))).toList();
            driver.pipe("bob", "bob", bobs);

            assertThat(driver.late()).singleElement().satisfies(late -> {
                assertThat(late.eventTime()).isEqualTo(future.timestamp());
                assertThat(late.reason()).isEqualTo("ahead of the processor's clock (more than 24 h)");
                assertThat(late.event().path("uuid").asText()).isEqualTo(future.uuid());
            });
            assertThat(driver.enriched()).extracting(EnrichedEvent::uuid)
                    .containsAll(bobs.stream().map(Line::uuid).toList()).hasSize(11);
            assertThat(driver.counter(MeteredProcessorEvents.LATE_EVENTS)).isEqualTo(1);
        }
    }

    @Test
    void aLaptopTwoHoursFastIsPlacedAtItsOwnTimesAndNothingWrittenIsStampedAfterTheClock() {
        try (FrictionDriver driver = FrictionDriver.startAt(T0)) {
            Instant fast = T0.plus(Duration.ofHours(2));
            driver.pipe("ana", "ana", aUserPrompt("load the export").at(fast), anAssistantText("loaded").at(fast.plusSeconds(30)));
            driver.pipe("bob", "bob", aUserPrompt("plot it").at(T0.minusSeconds(20)), anAssistantText("plotted").at(T0));

            assertThat(driver.late()).isEmpty();
            assertThat(driver.activity().get("ana").blocks()).extracting(Block::start, Block::end)
                    .containsExactly(tuple(fast, fast.plusSeconds(30)));
            assertThat(driver.everyRecordWritten()).isNotEmpty().allSatisfy((topic, records) ->
                    assertThat(records).as(topic).allSatisfy(record -> assertThat(record.timestamp()).isLessThanOrEqualTo(T0.toEpochMilli())));
        }
    }

    @Test
    void aLineStampedBefore1970OrBeyondWhatAKafkaTimestampHoldsIsADeadLetter() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("ana", "ana",
                    aUserPrompt("typed on a machine with a dead battery").with("timestamp", "1969-12-31T23:59:59Z"),
                    aUserPrompt("from far away").with("timestamp", "+300000000-01-01T00:00:00Z"),
                    aUserPrompt("and on").at(T0));

            assertThat(driver.deadLetters()).extracting(DeadLetter::error).containsExactly(
                    "timestamp out of range: 1969-12-31T23:59:59Z",
                    "timestamp out of range: +300000000-01-01T00:00:00Z");
            assertThat(driver.enriched()).extracting(EnrichedEvent::timestamp).containsExactly(T0);
        }
    }

    @Test
    void anEventBeyondTheAllowedLatenessSaysSo() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("ana", "ana", aUserPrompt("today").at(T0), aUserPrompt("last month").at(T0.minus(Duration.ofDays(30))));

            assertThat(driver.late()).extracting(LateEvent::reason)
                    .containsExactly("behind stream time (PT720H behind, more than the allowed lateness of PT168H)");
        }
    }
}
