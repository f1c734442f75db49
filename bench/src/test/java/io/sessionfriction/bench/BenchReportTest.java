package io.sessionfriction.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final long LINES = 1_000_000;
    private static final long BYTES = 2_000_000_000L;

    private final StringWriter text = new StringWriter();
    private final BenchReport report = new BenchReport(new PrintWriter(text, true));

    @Test
    void theRatioComparesMedianRatesAndWarmUpRoundsAreLeftOut() {
        report.add(run("collector", 0, 99, LINES)); // warm-up: slow, must not count
        report.add(run("collector", 1, 20, LINES));
        report.add(run("collector", 2, 10, LINES));
        report.add(run("collector", 3, 30, LINES));
        report.add(run("kcat", 1, 10, LINES));
        report.add(run("kcat", 2, 8, LINES));
        report.add(run("kcat", 3, 12, LINES));

        boolean complete = report.summary();

        assertThat(complete).isTrue();
        assertThat(text.toString())
                .contains("ratio collector/kcat (median) = 0.50 (goal >= 0.7: NOT met)")
                .contains("ratio collector/kcat (fastest) = 0.80 (goal >= 0.7: met)")
                .contains("every run delivered every record exactly once");
    }

    @Test
    void aRunWithMissingRecordsFailsTheSummaryEvenInWarmUp() {
        report.add(run("kcat", 0, 10, LINES - 1));
        report.add(run("kcat", 1, 10, LINES));

        assertThat(report.summary()).isFalse();
        assertThat(text.toString()).contains("records 999,999 of 1,000,000 MISMATCH")
                .contains("SOME RUN LOST OR DUPLICATED RECORDS");
    }

    private static RunResult run(String contender, int round, int seconds, long counted) {
        return new RunResult(contender, round, Duration.ofSeconds(seconds), Duration.ofSeconds(seconds), LINES, BYTES,
                LINES, counted);
    }
}
