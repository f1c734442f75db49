package io.sessionfriction.bench.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.ProcessorSettings;

class ProcessorBenchReportTest {

    private static final String CORPUS = "corpus (100 MB)";

    private final StringWriter text = new StringWriter();
    private final ProcessorBenchReport report = new ProcessorBenchReport(new PrintWriter(text, true),
            new ProcessorBench.Plan(List.of(2), 3, 1, true, Duration.ofMinutes(1)));

    @Test
    void theRatioIsTheMedianOfEachRoundsPassThroughTimeOverItsTopologyTimeAndWarmUpsAreLeftOut() {
        report.add(run(ProcessorBench.PASS_THROUGH, 0, 2, 1)); // warm-up: fast topology below, must not count
        report.add(run(ProcessorBench.TOPOLOGY, 0, 2, 1));
        report.add(run(ProcessorBench.PASS_THROUGH, 1, 2, 4));
        report.add(run(ProcessorBench.TOPOLOGY, 1, 2, 8));  // 0.50
        report.add(run(ProcessorBench.TOPOLOGY, 2, 2, 10));
        report.add(run(ProcessorBench.PASS_THROUGH, 2, 2, 3)); // 0.30
        report.add(run(ProcessorBench.PASS_THROUGH, 3, 2, 5));
        report.add(run(ProcessorBench.TOPOLOGY, 3, 2, 5));  // 1.00

        report.summary();

        assertThat(text.toString()).contains("ratio 0.50 [0.50, 0.30, 1.00] (goal met)")
                .contains("\"ratio\":0.5,\"roundRatios\":[0.5,0.3,1.0]");
    }

    @Test
    void theCeilingIsTheMedianPublishPlusTheMedianPassThroughAtTheReplaysThreads() {
        int threads = ProcessorSettings.Tuning.THROUGHPUT.streamThreads();
        ProcessorBenchReport atReplayThreads = new ProcessorBenchReport(new PrintWriter(text, true),
                new ProcessorBench.Plan(List.of(threads), 1, 0, true, Duration.ofMinutes(1)));
        atReplayThreads.add(run(ProcessorBench.PUBLISH, 1, 0, 2));
        atReplayThreads.add(run(ProcessorBench.PASS_THROUGH, 1, threads, 3));
        atReplayThreads.add(run(ProcessorBench.TOPOLOGY, 1, threads, 6));
        atReplayThreads.add(run(ProcessorBench.REPLAY, 1, 0, 15));

        atReplayThreads.summary();

        assertThat(text.toString()).contains("ceiling 5.00 s | replay pipeline 15.00 s (cpu 15.0 s) | replay / ceiling 3.00x NOT met")
                .contains("\"ceilingSeconds\":5.0");
    }

    private static Measurement run(String contender, int round, int threads, int seconds) {
        return new Measurement(contender, CORPUS, round, threads, Duration.ofSeconds(seconds), Duration.ZERO,
                Duration.ofSeconds(seconds), 100_000, 100_000_000);
    }
}
