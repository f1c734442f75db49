package io.sessionfriction.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.clients.admin.NewTopic;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.collector.CollectorStats;

/**
 * The collector in its normal transactional mode: records and file checkpoints in one transaction per
 * pass chunk, acks=all, idempotent. Timed from creating the collector (its initTransactions included)
 * until the last transaction committed and the producer closed.
 */
public final class CollectorContender implements Contender {

    private final CollectorConfig base;
    private final int partitions;
    private final BenchTopics topics;
    private CollectorStats lastStats;
    private ThreadSchedule lastSchedule = new ThreadSchedule(Duration.ZERO, Duration.ZERO);
    private Duration lastElapsed = Duration.ZERO;

    public CollectorContender(CollectorConfig base, int partitions, BenchTopics topics) {
        this.base = base;
        this.partitions = partitions;
        this.topics = topics;
    }

    @Override
    public String name() {
        return "collector";
    }

    /** What the last run's collector reported, for the log: DLQ records or shortened events would explain a gap. */
    public CollectorStats lastStats() {
        return lastStats;
    }

    /**
     * Where the wall time of the last pass went on the one thread that reads, parses and sends: running,
     * waiting for a core (other processes on the machine), or blocked (commits, a full producer buffer).
     */
    public String lastThreadTimes() {
        Duration blocked = lastElapsed.minus(lastSchedule.onCpu()).minus(lastSchedule.waitingCpu());
        return String.format(Locale.ROOT, "collector thread: on cpu %.1f s, waiting for a core %.1f s, "
                + "blocked %.1f s", seconds(lastSchedule.onCpu()), seconds(lastSchedule.waitingCpu()), seconds(blocked));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1e3;
    }

    @Override
    public RunResult run(Corpus corpus, int round) throws Exception {
        String prefix = "bench-collector-" + round + "-";
        CollectorConfig config = base.withTopics(prefix + "events", prefix + "dlq", prefix + "offsets")
                .withTransactionalId("bench-collector-" + round);
        List<NewTopic> created = Collector.topics(config, partitions);
        topics.create(created);
        Duration cpuBefore = ProcessCpu.used();
        ThreadSchedule scheduleBefore = ThreadSchedule.now();
        long began = System.nanoTime();
        try (Collector collector = Collector.create(config, new SimpleMeterRegistry())) {
            collector.runUntilCaughtUp();
            lastStats = collector.stats();
        }
        long elapsed = System.nanoTime() - began;
        lastSchedule = ThreadSchedule.now().since(scheduleBefore);
        lastElapsed = Duration.ofNanos(elapsed);
        Duration cpu = ProcessCpu.used().minus(cpuBefore);
        long counted = topics.countCommitted(config.eventsTopic());
        topics.delete(created.stream().map(NewTopic::name).toList());
        return new RunResult(name(), round, Duration.ofNanos(elapsed), cpu, corpus.lines(), corpus.bytes(),
                corpus.lines(), counted);
    }
}
