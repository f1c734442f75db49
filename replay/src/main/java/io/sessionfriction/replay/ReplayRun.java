package io.sessionfriction.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.collector.CollectorStats;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.replay.catalogue.SessionSpan;
import io.sessionfriction.replay.kafka.ProgressTicker;
import io.sessionfriction.replay.kafka.ReplayCleanup;
import io.sessionfriction.replay.kafka.RunOutput;
import io.sessionfriction.replay.kafka.RunTopics;
import io.sessionfriction.replay.report.FrictionReport;
import io.sessionfriction.replay.report.ReplayData;

/**
 * Runs a {@link ReplayPlan}: the selected files through a collector and the same topology as live, on the
 * run's own topics, then the final records read back into {@code replay.json} and the report.
 */
public final class ReplayRun {

    private static final Logger log = LoggerFactory.getLogger(ReplayRun.class);

    private final ReplayPlan plan;
    private final ReplayListener listener;
    private final BooleanSupplier stopRequested;

    private ReplayRun(ReplayPlan plan, ReplayListener listener, BooleanSupplier stopRequested) {
        this.plan = plan;
        this.listener = listener;
        this.stopRequested = stopRequested;
    }

    /**
     * Replays the plan on a cluster from {@code clusters} (none is opened when no session is selected). Once
     * {@code stopRequested} says so, the pipeline stops before its next session or while it waits for the
     * processor, with a {@link CancellationException} after closing everything it opened (its topics deleted
     * from a shared cluster); nothing is written to the output folder then.
     */
    public static ReplayResult execute(ReplayPlan plan, ReplayCluster.Opener clusters, ReplayListener listener,
            BooleanSupplier stopRequested) throws InterruptedException {
        long began = System.nanoTime();
        ReplayData data = plan.sessions().isEmpty()
                ? RunOutput.nothingReplayed(plan.request().selection())
                : new ReplayRun(plan, listener, stopRequested).replay(clusters);
        long replayed = System.nanoTime();
        Path out = plan.request().out();
        data.write(out.resolve(ReplayData.FILE_NAME));
        FrictionReport report = FrictionReport.of(data, plan.request().catalogue(), plan.request().drafts());
        report.write(out);
        return new ReplayResult(data, report, Duration.ofNanos(replayed - began), Duration.ofNanos(System.nanoTime() - replayed));
    }

    private ReplayData replay(ReplayCluster.Opener clusters) throws InterruptedException {
        ReplayRequest request = plan.request();
        ProcessorSettings settings = plan.settings();
        try (ReplayRoot root = ReplayRoot.create();
                ReplayCluster cluster = clusters.open()) {
            CollectorConfig config = RunTopics.collectorConfig(root.path(), cluster, plan.runId(), settings);
            if (cluster.shared()) {
                RunTopics.requireUnused(cluster.adminProperties(), settings.applicationId());
            }
            cluster.createTopics(config, plan.partitions(), RunTopics.processorTopics(plan.partitions(), settings));
            try (ProcessorClose processor = new ProcessorClose(cluster.startProcessor(processorSettings(settings, cluster),
                    request.catalogue(), request.redactor()))) {
                Map<String, FrictionAlert> totals;
                try (Collector collector = Collector.create(config, request.redactor(), new SimpleMeterRegistry());
                        ProgressTicker ticker = ProgressTicker.start(cluster.adminProperties(), settings.applicationId(),
                                plan.events(), plan.files(), () -> collector.stats().filesTracked(), listener)) {
                    CollectorStats stats = publishInSessionOrder(root, collector, plan.sessions(), stopRequested);
                    log.info("Replay published {} events ({} lines) from {} files", stats.committed().events(),
                            stats.committed().lines(), stats.filesTracked());
                    processor.get().awaitConsumed(config.eventsTopic(), request.timeout(), stopRequested);
                    ticker.finish();
                    totals = processor.get().alertTotals();
                }
                // Every output is committed by now, with the offsets that said so: the results can be read while
                // the processor closes (its last commit, leaving the group, its clients), which is mostly waiting.
                processor.begin();
                return RunOutput.read(cluster.adminProperties(), plan, request.timeout(), totals);
            } finally {
                if (cluster.shared()) {
                    new ReplayCleanup(cluster.adminProperties(), settings.topicPrefix(), settings.applicationId())
                            .run(request.keepTopics());
                }
            }
        }
    }

    /**
     * The run's processor. On a broker of its own, whose topics end with the run, it writes no enriched stream:
     * the run never reads it back (only alerts, activity, command progress and late events), and nothing else
     * could. On a shared cluster it runs as live, so the run's enriched topic is there for whoever reads it (with
     * {@code --keep-topics}, after it).
     */
    private static ProcessorSettings processorSettings(ProcessorSettings settings, ReplayCluster cluster) {
        return cluster.shared() ? settings : settings.withoutEnrichedTopic();
    }

    /**
     * Publishes one session after another, in order of their first event, instead of the whole folder at
     * once. A partition's stream time then moves roughly as it did live, and never jumps weeks ahead in
     * the middle of a session because another session's later file was read first: the alert stage
     * forgets sessions idle (in stream time) for longer than the allowed lateness, and an interleaved
     * replay could make that happen in the middle of a session. bench-processor publishes its corpus the same way.
     * Stops with a {@link CancellationException} before the next session once {@code stopRequested} says so.
     */
    public static CollectorStats publishInSessionOrder(ReplayRoot root, Collector collector, List<SessionSpan> selected,
            BooleanSupplier stopRequested) {
        List<SessionSpan> ordered = selected.stream()
                .sorted(Comparator.comparing(SessionSpan::first, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(SessionSpan::sessionKey))
                .toList();
        CollectorStats stats = collector.stats();
        for (SessionSpan session : ordered) {
            if (stopRequested.getAsBoolean()) {
                throw new CancellationException("Replay stopped while publishing");
            }
            root.add(session);
            stats = collector.runUntilCaughtUp();
        }
        return stats;
    }
}
