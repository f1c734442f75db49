package io.sessionfriction.topology.activity;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.activity.LateEvent;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * Stream time is one clock per partition, shared by every session on it: a single line must not move it
 * far ahead of the other sessions' events, or their events become late. (A broker that accepts any record
 * time, as the test driver does: on one with the default one-hour limit the write would fail instead.)
 */
class SkewedClocksTest {

    @Test
    void aLineStampedInTheYear2999MakesNoOtherEventLate() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            Line future = anAssistantText("on it").at(Instant.parse("2999-01-01T00:00:00Z"));
            driver.pipe("ana", "ana", aUserPrompt("load the export").at(T0), future);
            List<Line> bobs = IntStream.range(0, 10)
                    .mapToObj(i -> aUserPrompt("step " + i).at(T0.plusSeconds(60 + 10L * i))).toList();
            driver.pipe("bob", "bob", bobs);

            assertThat(driver.late()).extracting(LateEvent::eventTime).containsExactly(future.timestamp());
            assertThat(driver.enriched()).extracting(EnrichedEvent::uuid)
                    .containsAll(bobs.stream().map(Line::uuid).toList()).hasSize(11);
        }
    }
}
