package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.sessionfriction.bench.CollectorBench;
import io.sessionfriction.bench.Corpus;
import io.sessionfriction.bench.KcatContender;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-collector", mixinStandardHelpOptions = true,
        description = {"Publishes one generated corpus with the collector (exactly-once) and with kcat -P -l to the "
                + "same broker, alternating, each run on fresh topics; prints lines/s, MB/s, medians and the ratio.",
            "Without --bootstrap-servers it starts an embedded broker. Needs kcat on the PATH (Debian: kcat)."})
final class BenchCollectorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--corpus", paramLabel = "DIR", required = true,
            description = "Sessions root to publish; generated first when missing or empty.")
    Path corpusDir;

    @Option(names = "--corpus-bytes", defaultValue = "1073741824", paramLabel = "BYTES",
            description = "Size of a corpus generated into an empty --corpus (default: ${DEFAULT-VALUE}).")
    long corpusBytes;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Rounds; each runs every contender once, in turn (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-rounds", defaultValue = "1", paramLabel = "N",
            description = "Rounds run first and left out of the medians: the JIT warms the in-process broker and "
                    + "the collector, the page cache takes the corpus (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(names = "--kcat", defaultValue = "kcat", paramLabel = "PATH", description = "kcat executable (default: ${DEFAULT-VALUE}).")
    String kcat;

    @Option(names = "--kcat-modes", split = ",", defaultValue = "stream,per_file", paramLabel = "MODE",
            description = "How kcat runs: stream (one kcat, corpus on -l /dev/stdin, unkeyed), per_file (kcat -l FILE "
                    + "-k SESSION per file), stream_txn (stream in one kcat transaction). Default: ${DEFAULT-VALUE}.")
    List<KcatContender.Mode> kcatModes;

    @Option(names = "--kcat-property", paramLabel = "KEY=VALUE",
            description = "Extra librdkafka property for kcat (-X), e.g. security settings matching --kafka-config.")
    Map<String, String> kcatProperties = Map.of();

    @Override
    public Integer call() throws Exception {
        CollectorBench.Plan plan = new CollectorBench.Plan(kcat, kcatModes, kcatProperties, rounds, warmupRounds);
        String kcatVersion = KcatContender.version(kcat);
        PrintWriter out = spec.commandLine().getOut();
        if (CollectorBench.needsCorpus(corpusDir)) {
            out.printf("Generating a corpus of %,d bytes in %s%n", corpusBytes, corpusDir);
            out.flush();
            Progress progress = new Progress("generate", corpusBytes);
            CollectorBench.generateCorpus(corpusDir, corpusBytes, progress::bytes);
            progress.done();
        }
        Corpus corpus = CollectorBench.corpus(corpusDir);
        try (KafkaTarget target = kafka.open(true)) {
            String broker = target.embedded() ? "embedded " + target.bootstrapServers() : target.bootstrapServers();
            boolean complete = CollectorBench.run(plan, corpus,
                    new CollectorBench.Broker(target.bootstrapServers(), target.clientOverrides(), broker),
                    kafka.partitions(), kcatVersion, out);
            return complete ? 0 : 1;
        }
    }
}
