package io.sessionfriction.topology.activity;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aSummary;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.activity.Block;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.topology.FrictionDriver;

/** Analysis mistake 1: all time is event time. A replay produced today of last month's sessions is placed then, and is not late. */
class EventTimeNotFileTimeTest {

    private static final Instant TODAY = T0.plus(Duration.ofDays(40));

    @Test
    void aReplayProducedWeeksLaterIsPlacedAtItsEventTimesAndNothingIsLate() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipeProducedAt(TODAY, "s1", "alice",
                    aSummary("Churn analysis"),                                   // untimed first line: must not set the clock to today
                    aUserPrompt("load the churn table").at(T0),
                    anAssistantText("Loaded 1.2M rows").at(T0.plusSeconds(40)));

            SessionActivity activity = driver.activity().get("s1");
            assertThat(activity.blocks()).extracting(Block::start, Block::end)
                    .containsExactly(tuple(T0, T0.plusSeconds(40)));
            assertThat(driver.late()).isEmpty();
            assertThat(driver.enriched()).hasSize(3);
        }
    }
}
