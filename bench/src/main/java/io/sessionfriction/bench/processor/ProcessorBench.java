package io.sessionfriction.bench.processor;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import io.sessionfriction.bench.BenchTopics;
import io.sessionfriction.bench.Corpus;
import io.sessionfriction.bench.ProcessCpu;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.replay.ReplayCluster;
import io.sessionfriction.replay.ReplayListener;
import io.sessionfriction.replay.ReplayResult;
import io.sessionfriction.replay.ReplayRun;

/**
 * The processor against Kafka's own floor on the same broker and input: each corpus is published once as a
 * replay publishes it; then, round after round, a pass-through Kafka Streams app and the full topology read
 * it with the replay's settings (exactly_once_v2, commit interval, record cache, producer and consumer
 * settings), for each number of stream threads, the order of the two swapped every round. With the
 * ceiling on, each round also publishes the corpus with a plain producer and runs the replay itself
 * (on a broker of its own, as the command does), so a replay's pipeline time can be set against
 * publish + pass-through.
 */
public final class ProcessorBench {

    public static final String PASS_THROUGH = "pass-through";
    public static final String TOPOLOGY = "topology";
    public static final String PUBLISH = "publish";
    public static final String REPLAY = "replay";

    /**
     * How the benchmark runs.
     *
     * @param threads      stream threads to compare, each run for both Streams contenders
     * @param replayRounds also publish with a plain producer and run the replay in every round
     * @param bound        longest a single run may take
     */
    public record Plan(List<Integer> threads, int rounds, int warmupRounds, boolean replayRounds, Duration bound) {

        public Plan {
            threads = List.copyOf(threads);
            if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
                throw new IllegalArgumentException("--threads must be positive numbers, was " + threads);
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
            }
            if (warmupRounds < 0) {
                throw new IllegalArgumentException("--warmup-rounds must not be negative, was " + warmupRounds);
            }
        }
    }

    /**
     * What the benchmark runs on.
     *
     * @param topology the full topology for a run's settings, built as the processor builds it
     * @param replays  opens the cluster a replay round runs on (the command's embedded broker)
     */
    public record Setup(String bootstrapServers, Map<String, Object> clientOverrides, int partitions,
                        Function<ProcessorSettings, Topology> topology, ReplayCluster.Opener replays) {

        Properties adminProperties() {
            Properties props = new Properties();
            props.putAll(clientOverrides);
            props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return props;
        }
    }

    private final Plan plan;
    private final Setup setup;
    private final ProcessorBenchReport report;
    private long runs;

    private ProcessorBench(Plan plan, Setup setup, ProcessorBenchReport report) {
        this.plan = plan;
        this.setup = setup;
        this.report = report;
    }

    /** Publishes every corpus, runs every round, prints each run, then the medians and ratios; returns the report. */
    public static ProcessorBenchReport run(Plan plan, List<Path> corpora, Setup setup, Path replayOut, PrintWriter out)
            throws Exception {
        ProcessorBenchReport report = new ProcessorBenchReport(out, plan);
        new ProcessorBench(plan, setup, report).rounds(corpora, replayOut);
        report.summary();
        return report;
    }

    private void rounds(List<Path> corpora, Path replayOut) throws Exception {
        Properties admin = setup.adminProperties();
        try (BenchTopics topics = new BenchTopics(admin)) {
            List<PublishedCorpus> published = new ArrayList<>();
            List<Corpus> scanned = new ArrayList<>();
            for (Path dir : corpora) {
                long began = System.nanoTime();
                PublishedCorpus corpus = PublishedCorpus.publish(dir, replayOut.resolve(dir.getFileName().toString()),
                        setup.bootstrapServers(), setup.clientOverrides(), setup.partitions(), topics);
                report.published(corpus, Duration.ofNanos(System.nanoTime() - began));
                published.add(corpus);
                scanned.add(plan.replayRounds() ? Corpus.scan(dir) : null);
            }
            report.host("start");
            StreamsRound streams = new StreamsRound(admin, plan.bound());
            for (int round = 1 - plan.warmupRounds(); round <= plan.rounds(); round++) {
                for (int c = 0; c < published.size(); c++) {
                    PublishedCorpus corpus = published.get(c);
                    for (int threads : plan.threads()) {
                        // Swapped every round, so neither contender always runs on the cooler machine.
                        boolean passFirst = Math.floorMod(round, 2) == 1;
                        report.add(passFirst ? passThrough(streams, topics, corpus, round, threads)
                                : topology(streams, corpus, round, threads));
                        report.add(passFirst ? topology(streams, corpus, round, threads)
                                : passThrough(streams, topics, corpus, round, threads));
                    }
                    if (plan.replayRounds()) {
                        report.add(new PlainPublish(admin, topics, eventsTemplate(corpus)).run(scanned.get(c), corpus, round));
                        report.add(replay(corpus, round));
                    }
                }
            }
            report.host("end");
        }
    }

    private Measurement passThrough(StreamsRound streams, BenchTopics topics, PublishedCorpus corpus, int round, int threads)
            throws Exception {
        String output = corpus.settings().topicPrefix() + "bench-pass-through-" + (++runs);
        topics.create(List.of(BenchTopics.like(eventsTemplate(corpus), output)));
        try {
            return streams.run(PASS_THROUGH, corpus, round, threads, applicationId(corpus, PASS_THROUGH),
                    PassThrough.topology(corpus.inputTopic(), output), streamsProperties(corpus.settings()));
        } finally {
            topics.delete(List.of(output));
        }
    }

    private Measurement topology(StreamsRound streams, PublishedCorpus corpus, int round, int threads) throws Exception {
        // The thread count also decides whether the stores keep changelogs (ProcessorSettings.changelogged).
        ProcessorSettings settings = corpus.settings().withApplicationId(applicationId(corpus, TOPOLOGY)).withStreamThreads(threads);
        return streams.run(TOPOLOGY, corpus, round, threads, settings.applicationId(), setup.topology().apply(settings),
                streamsProperties(settings));
    }

    /**
     * A replay of the whole corpus, as the command runs it: its pipeline time, from opening its cluster to its
     * results read (CPU also covers writing its report, a small part).
     */
    private Measurement replay(PublishedCorpus corpus, int round) throws Exception {
        long cpuBefore = ProcessCpu.used().toNanos();
        ReplayResult result = ReplayRun.execute(corpus.plan(), setup.replays(), new ReplayListener() { }, () -> false);
        long cpu = ProcessCpu.used().toNanos() - cpuBefore;
        return new Measurement(REPLAY, corpus.label(), round, 0, result.pipeline(), Duration.ZERO, Duration.ofNanos(cpu),
                corpus.events(), corpus.bytes());
    }

    /** Every client of a run with the replay's settings, as the processor runtime sets them. */
    private Properties streamsProperties(ProcessorSettings settings) {
        Properties props = settings.streamsProperties(setup.bootstrapServers());
        props.putAll(setup.clientOverrides());
        props.remove(StreamsConfig.NUM_STREAM_THREADS_CONFIG);
        return props;
    }

    private String applicationId(PublishedCorpus corpus, String contender) {
        return corpus.settings().applicationId() + "-bench-" + contender + "-" + (++runs);
    }

    private NewTopic eventsTemplate(PublishedCorpus corpus) {
        CollectorConfig config = CollectorConfig.defaults(corpus.dir(), setup.bootstrapServers())
                .withTopics(corpus.inputTopic(), corpus.inputTopic() + "-dlq", corpus.inputTopic() + "-offsets");
        return Collector.topics(config, setup.partitions()).get(0);
    }
}
