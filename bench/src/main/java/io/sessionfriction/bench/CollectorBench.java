package io.sessionfriction.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;

import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.samples.SampleGenerator;

/**
 * The collector (exactly-once) against kcat on one corpus and one broker: the contenders take turns round
 * by round, each run on fresh topics; warm-up rounds are printed but left out of the medians.
 */
public final class CollectorBench {

    private static final int CORPUS_USERS = 20;

    /**
     * How the benchmark runs.
     *
     * @param kcatProperties extra librdkafka properties for kcat, such as security settings
     */
    public record Plan(String kcat, List<KcatContender.Mode> kcatModes, Map<String, String> kcatProperties,
                       int rounds, int warmupRounds) {

        public Plan {
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
            }
            if (warmupRounds < 0) {
                throw new IllegalArgumentException("--warmup-rounds must not be negative, was " + warmupRounds);
            }
            kcatModes = List.copyOf(kcatModes);
            kcatProperties = Map.copyOf(kcatProperties);
        }
    }

    /**
     * The broker both contenders publish to.
     *
     * @param label how the report names it
     */
    public record Broker(String bootstrapServers, Map<String, Object> clientOverrides, String label) {

        Properties adminProperties() {
            Properties props = new Properties();
            props.putAll(clientOverrides);
            props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return props;
        }
    }

    private CollectorBench() {
    }

    /** True when {@code dir} holds nothing yet, so a corpus must be generated into it first. */
    public static boolean needsCorpus(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Writes a synthetic corpus of about {@code bytes} into {@code dir}, telling {@code progress} the bytes so far. */
    public static void generateCorpus(Path dir, long bytes, LongConsumer progress) throws IOException {
        new SampleGenerator(SampleGenerator.DEFAULT_SEED, SampleGenerator.DEFAULT_BASE_TIME)
                .writeCorpus(dir, bytes, CORPUS_USERS, progress);
    }

    /** The transcripts under {@code dir}, as the collector discovers them; none is an error. */
    public static Corpus corpus(Path dir) throws IOException {
        Corpus corpus = Corpus.scan(dir);
        if (corpus.files().isEmpty()) {
            throw new IllegalArgumentException("No transcripts under " + dir);
        }
        return corpus;
    }

    /** Runs every round, printing each run, then the medians and ratios; false when some run lost or duplicated records. */
    public static boolean run(Plan plan, Corpus corpus, Broker broker, int partitions, String kcatVersion, PrintWriter out)
            throws Exception {
        try (BenchTopics topics = new BenchTopics(broker.adminProperties())) {
            CollectorConfig base = CollectorConfig.defaults(corpus.root(), broker.bootstrapServers())
                    .withKafkaOverrides(broker.clientOverrides());
            NewTopic eventsTemplate = Collector.topics(base, partitions).get(0);
            Path kcatLog = Files.createTempFile("bench-kcat-", ".log");
            List<Contender> contenders = new ArrayList<>();
            CollectorContender collector = new CollectorContender(base, partitions, topics);
            contenders.add(collector);
            for (KcatContender.Mode mode : plan.kcatModes()) {
                contenders.add(new KcatContender(plan.kcat(), broker.bootstrapServers(), eventsTemplate, mode,
                        plan.kcatProperties(), topics, kcatLog));
            }
            BenchReport report = new BenchReport(out);
            report.header(corpus, broker.label(), kcatVersion);
            for (int round = 1 - plan.warmupRounds(); round <= plan.rounds(); round++) {
                for (Contender contender : contenders) {
                    report.add(contender.run(corpus, round));
                    if (contender == collector) {
                        out.println("  " + collector.lastThreadTimes() + "; " + collector.lastStats());
                    }
                }
            }
            report.host("end");
            return report.summary();
        }
    }
}
