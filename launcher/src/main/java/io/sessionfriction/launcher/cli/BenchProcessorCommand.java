package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.sessionfriction.bench.CollectorBench;
import io.sessionfriction.bench.processor.ProcessorBench;
import io.sessionfriction.bench.processor.ProcessorBenchReport;
import io.sessionfriction.launcher.cli.options.DurationConverter;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.ProcessorRuntime;
import io.sessionfriction.launcher.runtime.ProcessorSetup;
import io.sessionfriction.launcher.runtime.Progress;
import io.sessionfriction.launcher.runtime.ReplayTarget;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.redaction.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-processor", mixinStandardHelpOptions = true,
        description = {"Publishes each corpus once to an embedded broker as replay does, then runs in alternating rounds "
                + "a pass-through Kafka Streams app and the full topology over it with the replay's settings "
                + "(exactly_once_v2, 1 s commits, record cache); prints events/s, MB/s, CPU seconds and the ratio, "
                + "as a table and as JSON.",
            "With --replay each round also publishes the corpus with a plain producer and runs the replay itself, "
                + "so its pipeline time can be set against Kafka's ceiling (publish + pass-through)."})
final class BenchProcessorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", required = true, split = ",",
            description = "Sessions roots to replay (repeat or comma-separate); an empty or missing one is generated first "
                    + "with --corpus-bytes.")
    List<Path> corpora;

    @Option(names = "--corpus-bytes", defaultValue = "100000000", paramLabel = "BYTES",
            description = "Size of a corpus generated into an empty --corpus (default: ${DEFAULT-VALUE}).")
    long corpusBytes;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N",
            description = "Stream threads to compare; each round runs both contenders with each (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-rounds", defaultValue = "1", paramLabel = "N",
            description = "Rounds run first and left out of the medians (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(names = "--replay", description = "Also time a plain producer's publish and the replay itself in every round.")
    boolean replay;

    @Option(names = "--run-timeout", defaultValue = "30m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest a single run may take (default: ${DEFAULT-VALUE}).")
    Duration runTimeout;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        ProcessorBench.Plan plan = new ProcessorBench.Plan(threads, rounds, warmupRounds, replay, runTimeout);
        PrintWriter out = spec.commandLine().getOut();
        for (Path corpus : corpora) {
            if (CollectorBench.needsCorpus(corpus)) {
                out.printf("Generating a corpus of %,d bytes in %s%n", corpusBytes, corpus);
                out.flush();
                Progress progress = new Progress("generate", corpusBytes);
                CollectorBench.generateCorpus(corpus, corpusBytes, progress::bytes);
                progress.done();
            }
        }
        Path replayOut = Files.createTempDirectory("bench-processor-replay-");
        RuleCatalogue rules = RuleCatalogue.defaults();
        try (KafkaTarget target = KafkaTarget.startEmbedded()) {
            ProcessorBench.Setup setup = new ProcessorBench.Setup(target.bootstrapServers(), target.clientOverrides(), 3,
                    settings -> ProcessorRuntime.topology(new ProcessorSetup(settings, rules, FixesRegistry.empty(),
                            Redactor.defaults(), Optional.empty())),
                    () -> new ReplayTarget(KafkaTarget.startEmbedded(), FixesRegistry.empty(), Optional.empty()));
            ProcessorBenchReport report = ProcessorBench.run(plan, corpora, setup, replayOut, out);
            if (json != null) {
                report.writeJson(json);
            }
        }
        return 0;
    }
}
