package io.sessionfriction.processor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

final class CommandTimingTest {

    private static final Instant PROGRESS_AT = Instant.parse("2026-02-11T20:00:05Z");

    @Test
    void aProgressLineDatesTheStartItsElapsedSecondsBeforeIt() {
        assertThat(CommandTiming.startFromProgress(PROGRESS_AT, 3)).isEqualTo(Instant.parse("2026-02-11T20:00:02Z"));
        assertThat(CommandTiming.startFromProgress(PROGRESS_AT, -3)).isEqualTo(PROGRESS_AT);
    }

    @Test
    void anElapsedNoCommandCanHaveRunDatesTheStartAtMostTheLongestRunBefore() {
        Instant earliest = PROGRESS_AT.minus(CommandTiming.LONGEST_RUN);

        assertThat(CommandTiming.startFromProgress(PROGRESS_AT, Long.MAX_VALUE)).isEqualTo(earliest);
        assertThat(CommandTiming.startFromProgress(Instant.MIN.plus(Duration.ofDays(1)), Long.MAX_VALUE)).isEqualTo(Instant.MIN);
    }
}
