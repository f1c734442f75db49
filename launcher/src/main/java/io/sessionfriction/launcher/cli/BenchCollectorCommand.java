package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.NewTopic;

import io.sessionfriction.bench.BenchReport;
import io.sessionfriction.bench.BenchTopics;
import io.sessionfriction.bench.CollectorContender;
import io.sessionfriction.bench.Contender;
import io.sessionfriction.bench.Corpus;
import io.sessionfriction.bench.KcatContender;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.Progress;
import io.sessionfriction.samples.SampleGenerator;
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
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
        }
        if (warmupRounds < 0) {
            throw new IllegalArgumentException("--warmup-rounds must not be negative, was " + warmupRounds);
        }
        String kcatVersion = KcatContender.version(kcat);
        PrintWriter out = spec.commandLine().getOut();
        Corpus corpus = corpus(out);
        try (KafkaTarget target = kafka.open(true);
                BenchTopics topics = new BenchTopics(target.adminProperties())) {
            CollectorConfig base = CollectorConfig.defaults(corpus.root(), target.bootstrapServers())
                    .withKafkaOverrides(target.clientOverrides());
            NewTopic eventsTemplate = Collector.topics(base, kafka.partitions()).get(0);
            Path kcatLog = Files.createTempFile("bench-kcat-", ".log");
            List<Contender> contenders = new ArrayList<>();
            CollectorContender collector = new CollectorContender(base, kafka.partitions(), topics);
            contenders.add(collector);
            for (KcatContender.Mode mode : kcatModes) {
                contenders.add(new KcatContender(kcat, target.bootstrapServers(), eventsTemplate, mode, kcatProperties,
                        topics, kcatLog));
            }
            BenchReport report = new BenchReport(out);
            report.header(corpus, target.embedded() ? "embedded " + target.bootstrapServers() : target.bootstrapServers(),
                    kcatVersion);
            for (int round = 1 - warmupRounds; round <= rounds; round++) {
                for (Contender contender : contenders) {
                    report.add(contender.run(corpus, round));
                    if (contender == collector) {
                        out.println("  " + collector.lastThreadTimes() + "; " + collector.lastStats());
                    }
                }
            }
            report.host("end");
            return report.summary() ? 0 : 1;
        }
    }

    private Corpus corpus(PrintWriter out) throws Exception {
        boolean empty = !Files.isDirectory(corpusDir);
        if (!empty) {
            try (var entries = Files.list(corpusDir)) {
                empty = entries.findAny().isEmpty();
            }
        }
        if (empty) {
            out.printf("Generating a corpus of %,d bytes in %s%n", corpusBytes, corpusDir);
            out.flush();
            Progress progress = new Progress("generate", corpusBytes);
            new SampleGenerator(SampleGenerator.DEFAULT_SEED, SampleGenerator.DEFAULT_BASE_TIME)
                    .writeCorpus(corpusDir, corpusBytes, 20, progress::bytes);
            progress.done();
        }
        Corpus corpus = Corpus.scan(corpusDir);
        if (corpus.files().isEmpty()) {
            throw new IllegalArgumentException("No transcripts under " + corpusDir);
        }
        return corpus;
    }
}
