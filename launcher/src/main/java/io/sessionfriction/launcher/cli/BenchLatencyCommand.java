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
            description = "How long to send (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1, was " + rate);
        }
        if ((long) rate * duration.toMillis() / 1000 < 10) {
            throw new IllegalArgumentException("--rate times --duration must send at least 10 results, was "
                    + (long) rate * duration.toMillis() / 1000);
        }
        AlertLatency.Result result;
        try (KafkaTarget target = kafka.open(true)) {
            target.createTopics(CollectorConfig.defaults(Path.of("."), target.bootstrapServers()), kafka.partitions());
            try (ProcessorRuntime runtime = ProcessorRuntime.start(target, processor.setup(Redactor.defaults()))) {
                result = AlertLatency.measure(target.adminProperties(), rate, duration, runtime::failure);
            }
        }
        if (result.latencies().isEmpty()) {
            out.println("No alert arrived: is the processor running?");
        } else {
            out.printf("alerts: %d of %d results sent at %d/s for %d s%n", result.latencies().size(), result.sent(), rate,
                    duration.toSeconds());
            out.printf(Locale.ROOT, "publish-to-alert latency ms: p50 %.1f  p99 %.1f  max %.1f%n", millis(result.quantile(0.5)),
                    millis(result.quantile(0.99)), millis(result.max()));
        }
        out.flush();
        return result.complete() ? 0 : 1;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
