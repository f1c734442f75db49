package io.sessionfriction.launcher.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

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

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final CollectorConfig base;
    private final int partitions;
    private final BenchTopics topics;
    private CollectorStats lastStats;
    private Duration lastThreadCpu = Duration.ZERO;

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
     * CPU time of the thread that ran the last pass: it reads, parses and sends on that one thread, so
     * CPU well below the wall time means it waited (commits, a full producer buffer, or a busy machine).
     */
    public Duration lastThreadCpu() {
        return lastThreadCpu;
    }

    @Override
    public RunResult run(Corpus corpus, int round) throws Exception {
        String prefix = "bench-collector-" + round + "-";
        CollectorConfig config = base.withTopics(prefix + "events", prefix + "dlq", prefix + "offsets")
                .withTransactionalId("bench-collector-" + round);
        List<NewTopic> created = Collector.topics(config, partitions);
        topics.create(created);
        Duration cpuBefore = ProcessCpu.used();
        long threadCpuBefore = THREADS.getCurrentThreadCpuTime();
        long began = System.nanoTime();
        try (Collector collector = Collector.create(config, new SimpleMeterRegistry())) {
            collector.runUntilCaughtUp();
            lastStats = collector.stats();
        }
        long elapsed = System.nanoTime() - began;
        lastThreadCpu = Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - threadCpuBefore);
        Duration cpu = ProcessCpu.used().minus(cpuBefore);
        long counted = topics.countCommitted(config.eventsTopic());
        topics.delete(created.stream().map(NewTopic::name).toList());
        return new RunResult(name(), round, Duration.ofNanos(elapsed), cpu, corpus.lines(), corpus.bytes(),
                corpus.lines(), counted);
    }
}
