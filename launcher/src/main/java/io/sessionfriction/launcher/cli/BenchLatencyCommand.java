package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.sessionfriction.bench.AlertLatency;
import io.sessionfriction.collector.CollectorConfig;
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
            "Runs the processor with its production settings (exactly_once_v2, 100 ms commits) on the embedded broker "
                    + "unless --bootstrap-servers is given, and prints the median, p95 and max."})
final class BenchLatencyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProcessorOptions processor;

    @Option(names = "--events", defaultValue = "200", description = "Failing tool results to send (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--interval-ms", defaultValue = "100", description = "Pause between two sends (default: ${DEFAULT-VALUE}).")
    long intervalMs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (events < 10) {
            throw new IllegalArgumentException("--events must be at least 10, was " + events);
        }
        AlertLatency.Result result;
        try (KafkaTarget target = kafka.open(true)) {
            target.createTopics(CollectorConfig.defaults(Path.of("."), target.bootstrapServers()), kafka.partitions());
            try (ProcessorRuntime runtime = ProcessorRuntime.start(target, processor.setup(Redactor.defaults()))) {
                result = AlertLatency.measure(target.adminProperties(), events, Duration.ofMillis(intervalMs), runtime::failure);
            }
        }
        if (result.latencies().isEmpty()) {
            out.println("No alert arrived: is the processor running?");
        } else {
            out.printf("alerts: %d of %d events%n", result.latencies().size(), result.sent());
            out.printf(Locale.ROOT, "latency ms: median %.1f  p95 %.1f  max %.1f%n", millis(result.quantile(0.5)),
                    millis(result.quantile(0.95)), millis(result.max()));
        }
        out.flush();
        return result.complete() ? 0 : 1;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
