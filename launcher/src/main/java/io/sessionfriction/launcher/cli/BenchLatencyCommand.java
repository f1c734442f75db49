package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.sessionfriction.bench.AlertLatency;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.launcher.cli.options.DurationConverter;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.ProcessorOptions;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.ProcessorRuntime;
import io.sessionfriction.redaction.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-latency", mixinStandardHelpOptions = true,
        description = {"Measures alert latency: the time from a failing tool_result reaching session-events "
                + "(acknowledged by the broker) to its alert being readable on friction-alerts (read_committed).",
            "Sends at a fixed rate for a set time to the processor with its production settings (exactly_once_v2, 100 ms "
                    + "commits) on the embedded broker unless --bootstrap-servers is given, and prints p50, p99 and max."})
final class BenchLatencyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProcessorOptions processor;

    @Option(names = "--rate", defaultValue = "1000", paramLabel = "N",
            description = "Failing tool results sent per second, each a session of its own (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long to send after the warm-up; the summary is of these results (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long to send first at the same rate, shown window by window but left out of the summary: "
                    + "a processor that just started compiles its code and joins its group (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    private static final Duration WINDOW = Duration.ofSeconds(10);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1, was " + rate);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative, was " + warmup);
        }
        if ((long) rate * duration.toMillis() / 1000 < 10) {
            throw new IllegalArgumentException("--rate times --duration must send at least 10 results, was "
                    + (long) rate * duration.toMillis() / 1000);
        }
        AlertLatency.Result result;
        try (KafkaTarget target = kafka.open(true)) {
            target.createTopics(CollectorConfig.defaults(Path.of("."), target.bootstrapServers()), kafka.partitions());
            try (ProcessorRuntime runtime = ProcessorRuntime.start(target, processor.setup(Redactor.defaults()))) {
                result = AlertLatency.measure(target.adminProperties(), rate, warmup.plus(duration), runtime::failure);
            }
        }
        if (result.samples().isEmpty()) {
            out.println("No alert arrived: is the processor running?");
        } else {
            out.printf("alerts: %d of %d results sent at %d/s for %d s (warm-up %d s, then %d s)%n", result.samples().size(),
                    result.sent(), rate, warmup.plus(duration).toSeconds(), warmup.toSeconds(), duration.toSeconds());
            for (AlertLatency.Latencies window : result.windows(WINDOW)) {
                out.printf(Locale.ROOT, "  sent from %3d s: %6d alerts  p50 %7.1f  p99 %7.1f  max %7.1f ms%n", window.from().toSeconds(),
                        window.sorted().size(), millis(window.quantile(0.5)), millis(window.quantile(0.99)), millis(window.max()));
            }
            result.sentFrom(warmup).ifPresentOrElse(measured -> out.printf(Locale.ROOT,
                    "publish-to-alert latency ms after the warm-up: p50 %.1f  p99 %.1f  max %.1f%n",
                    millis(measured.quantile(0.5)), millis(measured.quantile(0.99)), millis(measured.max())),
                    () -> out.println("No alert arrived for a result sent after the warm-up."));
        }
        out.flush();
        return result.complete() ? 0 : 1;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
