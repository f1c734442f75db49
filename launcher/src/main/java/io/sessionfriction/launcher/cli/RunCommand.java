package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.collector.CollectorCounts;
import io.sessionfriction.collector.CollectorStats;
import io.sessionfriction.launcher.cli.options.CollectorOptions;
import io.sessionfriction.launcher.cli.options.DurationConverter;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.ProcessorOptions;
import io.sessionfriction.launcher.cli.options.RedactionOptions;
import io.sessionfriction.launcher.runtime.AlertPrinter;
import io.sessionfriction.launcher.runtime.CatchUp;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.ProcessorRuntime;
import io.sessionfriction.launcher.runtime.ShutdownSignal;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.redaction.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline on a sessions folder and prints friction alerts as they are produced.",
            "Without --bootstrap-servers it starts an embedded single-node Kafka broker (KRaft) for the run.",
            "Exits when every line has been processed, or with --follow keeps tailing until Ctrl-C."})
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    CollectorOptions collector;

    @Mixin
    ProcessorOptions processor;

    @Mixin
    RedactionOptions redaction;

    @Option(names = "--follow", description = "Keep tailing the sessions folder until Ctrl-C instead of exiting when caught up.")
    boolean follow;

    @Option(names = "--timeout", defaultValue = "5m", converter = DurationConverter.class,
            description = "Longest wait for the processor to catch up before giving up (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        collector.toConfig("validation-only", Map.of());
        Redactor redactor = redaction.redactor();
        try (ShutdownSignal shutdown = new ShutdownSignal();
                KafkaTarget target = kafka.open(true)) {
            CollectorConfig config = collector.toConfig(target.bootstrapServers(), target.clientOverrides());
            target.createTopics(config, kafka.partitions());
            try (ProcessorRuntime runtime = ProcessorRuntime.start(target, processor.setup(redactor));
                    AlertPrinter printer = AlertPrinter.start(target, out, target.embedded());
                    Collector tail = Collector.create(config, redactor, Metrics.globalRegistry);
                    CatchUp catchUp = new CatchUp(target)) {
                out.println("Collecting " + collector.sessions() + " into " + target.bootstrapServers()
                        + (target.embedded() ? " (embedded broker)" : "") + "; alerts follow.");
                if (follow) {
                    tail.start();
                    Throwable failed = shutdown.awaitOrFailure(
                            () -> tail.failure().<Throwable>map(e -> e).orElseGet(runtime::failure));
                    if (failed != null) {
                        log.error("Stopping: {}", failed.toString());
                        return 1;
                    }
                    return 0;
                }
                CollectorStats stats = tail.runUntilCaughtUp();
                catchUp.awaitGroup(runtime.applicationId(), Topics.SESSION_EVENTS.name(), timeout, runtime::failure);
                catchUp.awaitReader(printer::positions, Topics.FRICTION_ALERTS.name(), timeout, printer::failure);
                printSummary(out, stats, printer.alertsByRule());
                out.flush();
                return 0;
            }
        } catch (InterruptedException e) {
            log.info("Stopped by signal; published lines were committed");
            return 130;
        }
    }

    private static void printSummary(PrintWriter out, CollectorStats stats, Map<String, Integer> alertsByRule) {
        int total = alertsByRule.values().stream().mapToInt(Integer::intValue).sum();
        CollectorCounts published = stats.committed();
        out.printf("Done: %,d files, %,d lines (%,d events), %,d lines to session-events-dlq, %,d alert records%n",
                stats.filesTracked(), published.lines(), published.events(), published.deadLetters(), total);
        alertsByRule.forEach((rule, count) -> out.printf("  %-20s %d%n", rule, count));
    }
}
