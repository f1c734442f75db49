package io.sessionfriction.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

final class AlertLatencyResultTest {

    /** A slow first second (a processor warming up), then steady: 10 results a second for 3 s. */
    private static AlertLatency.Result slowStart() {
        List<AlertLatency.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long latencyMillis = i < 10 ? 2000 - i * 100 : 50 + i % 10;
            samples.add(new AlertLatency.Sample(Duration.ofMillis(i * 100L), Duration.ofMillis(latencyMillis)));
        }
        return new AlertLatency.Result(31, samples);
    }

    @Test
    void eachWindowHoldsTheResultsSentInIt() {
        List<AlertLatency.Latencies> windows = slowStart().windows(Duration.ofSeconds(1));

        assertThat(windows).extracting(AlertLatency.Latencies::from)
                .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(windows).extracting(window -> window.sorted().size()).containsExactly(10, 10, 10);
        assertThat(windows.get(0).max()).isEqualTo(Duration.ofMillis(2000));
        assertThat(windows.get(0).quantile(0.5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(windows.get(1).max()).isEqualTo(Duration.ofMillis(59));
    }

    @Test
    void theSummaryAfterTheWarmupLeavesTheResultsSentDuringItOut() {
        AlertLatency.Latencies measured = slowStart().sentFrom(Duration.ofSeconds(1)).orElseThrow();

        assertThat(measured.sorted()).hasSize(20);
        assertThat(measured.quantile(0.5)).isEqualTo(Duration.ofMillis(55));
        assertThat(measured.quantile(0.99)).isEqualTo(Duration.ofMillis(59));
        assertThat(measured.max()).isEqualTo(Duration.ofMillis(59));
        assertThat(slowStart().sentFrom(Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aResultWithoutItsAlertLeavesTheRunIncomplete() {
        assertThat(slowStart().complete()).isFalse();
        assertThat(new AlertLatency.Result(30, slowStart().samples()).complete()).isTrue();
    }
}
