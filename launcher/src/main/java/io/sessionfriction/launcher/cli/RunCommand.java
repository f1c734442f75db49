package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.collector.CollectorCounts;
import io.sessionfriction.collector.CollectorStats;
import io.sessionfriction.launcher.cli.options.CollectorOptions;
import io.sessionfriction.launcher.cli.options.DurationConverter;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.NotifyOptions;
import io.sessionfriction.launcher.cli.options.ProcessorOptions;
import io.sessionfriction.launcher.cli.options.RedactionOptions;
import io.sessionfriction.launcher.runtime.AlertOutput;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.LocalPipeline;
import io.sessionfriction.launcher.runtime.OutputCounts;
import io.sessionfriction.launcher.runtime.ShutdownSignal;
import io.sessionfriction.launcher.runtime.Summary;
import io.sessionfriction.notify.NotifySettings;
import io.sessionfriction.redaction.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline on a sessions folder and prints friction alerts as they are produced.",
            "Without --bootstrap-servers it starts an embedded single-node Kafka broker (KRaft) for the run.",
            "Exits when every line has been processed, or with --follow keeps tailing until Ctrl-C.",
            "With --alertmanager-url it also sends the recent alerts to Alertmanager, as notify does."})
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

    @Mixin
    NotifyOptions notify;

    @Option(names = "--follow", description = "Keep tailing the sessions folder until Ctrl-C instead of exiting when caught up.")
    boolean follow;

    @Option(names = "--timeout", defaultValue = "5m", converter = DurationConverter.class,
            description = "Longest wait for the processor to catch up before giving up (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text: a block per alert, then a summary; json: one alert record per line (NDJSON), in event-time "
                    + "order within a session, with the other lines on stderr (default: ${DEFAULT-VALUE}).")
    AlertOutput output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter said = output == AlertOutput.JSON ? spec.commandLine().getErr() : out;
        collector.toConfig("validation-only", Map.of());
        Redactor redactor = redaction.redactor();
        Optional<NotifySettings> sending = notify.settings();
        try (ShutdownSignal shutdown = new ShutdownSignal();
                KafkaTarget target = kafka.open(true)) {
            CollectorConfig config = collector.toConfig(target.bootstrapServers(), target.clientOverrides());
            target.createTopics(config, kafka.partitions());
            try (LocalPipeline pipeline = LocalPipeline.start(target, config, redactor, processor.setup(redactor), out, output,
                    sending)) {
                said.println("Collecting " + collector.sessions() + " into " + target.bootstrapServers()
                        + (target.embedded() ? " (embedded broker)" : "") + "; alerts follow.");
                said.flush();
                CollectorStats caughtUp = pipeline.catchUp(timeout);
                if (!follow) {
                    printSummary(said, caughtUp, OutputCounts.of(target), pipeline.alertsByRule());
                    return 0;
                }
                said.println("Caught up with " + collector.sessions() + "; following it for new lines. Ctrl-C stops and prints the summary.");
                said.flush();
                pipeline.follow();
                Throwable failed = pipeline.awaitStop(shutdown);
                printSummary(said, pipeline.stats(), OutputCounts.of(target), pipeline.alertsByRule());
                if (failed != null) {
                    log.error("Stopping: {}", failed.toString());
                    return 1;
                }
                return 0;
            }
        } catch (InterruptedException e) {
            log.info("Stopped by signal; published lines were committed");
            return 130;
        }
    }

    private static void printSummary(PrintWriter out, CollectorStats stats, OutputCounts outputs, Map<String, Integer> alertsByRule) {
        int total = alertsByRule.values().stream().mapToInt(Integer::intValue).sum();
        CollectorCounts published = stats.committed();
        out.printf("Done: %,d files, %,d lines (%,d events), %,d lines to session-events-dlq, %,d late events, %,d alert records%n",
                stats.filesTracked(), published.lines(), published.events(), published.deadLetters() + outputs.processorDeadLetters(),
                outputs.late(), total);
        out.println("  " + Summary.collector(stats));
        out.println("  " + Summary.processor(published.events(), outputs));
        alertsByRule.forEach((rule, count) -> out.printf("  %-20s %d%n", rule, count));
        out.flush();
    }
}
