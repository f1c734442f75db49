package io.sessionfriction.bench.processor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import org.apache.kafka.clients.admin.NewTopic;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.bench.BenchTopics;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.collector.CollectorStats;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.redaction.Redactor;
import io.sessionfriction.replay.ReplayPlan;
import io.sessionfriction.replay.ReplayRequest;
import io.sessionfriction.replay.ReplayRoot;
import io.sessionfriction.replay.ReplayRun;
import io.sessionfriction.replay.catalogue.SessionSelection;
import io.sessionfriction.replay.kafka.RunTopics;
import io.sessionfriction.replay.report.DraftPolicy;

/**
 * A corpus published once to the benchmark's broker exactly as {@code replay} publishes it (its collector,
 * its topics, its sessions in order of their first event), read by every round.
 *
 * @param plan   the replay of the whole corpus: its settings are the ones every contender runs with
 * @param events events on the input topic (malformed lines went to the DLQ)
 * @param bytes  corpus bytes published
 */
public record PublishedCorpus(Path dir, ReplayPlan plan, String inputTopic, long events, long bytes) {

    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(30);

    /** The replay settings: exactly-once, throughput tuning, the lateness a replay of this corpus gets. */
    public ProcessorSettings settings() {
        return plan.settings();
    }

    /** A short name for the report: the folder's name and its size. */
    public String label() {
        return String.format(Locale.ROOT, "%s (%.0f MB)", dir.getFileName(), bytes / 1e6);
    }

    /**
     * Scans {@code dir} as a replay of all of it would, creates the run's topics on the broker and publishes
     * every session once; {@code out} is where a replay contender writes its report.
     */
    public static PublishedCorpus publish(Path dir, Path out, String bootstrapServers, Map<String, Object> clientOverrides,
            int partitions, BenchTopics topics) throws Exception {
        ReplayRequest request = new ReplayRequest(dir, SessionSelection.all(), ProcessorSettings.defaults(), false, false,
                RuleCatalogue.defaults(), Redactor.defaults(), OptionalInt.of(partitions), REPLAY_TIMEOUT, false, out, DraftPolicy.DEFAULT);
        ReplayPlan plan = ReplayPlan.of(request);
        if (plan.sessions().isEmpty()) {
            throw new IllegalArgumentException("No sessions under " + dir);
        }
        ProcessorSettings settings = plan.settings();
        Files.createDirectories(out);
        try (ReplayRoot root = ReplayRoot.create()) {
            CollectorConfig config = RunTopics.collectorConfig(root.path(), bootstrapServers, clientOverrides, plan.runId(), settings);
            List<NewTopic> created = new ArrayList<>(Collector.topics(config, partitions));
            created.addAll(RunTopics.processorTopics(partitions, settings));
            topics.create(distinctByName(created));
            CollectorStats stats;
            try (Collector collector = Collector.create(config, Redactor.defaults(), new SimpleMeterRegistry())) {
                stats = ReplayRun.publishInSessionOrder(root, collector, plan.sessions(), () -> false);
            }
            return new PublishedCorpus(dir, plan, settings.topic(Topics.SESSION_EVENTS).name(), stats.committed().events(),
                    stats.committed().bytes());
        }
    }

    private static List<NewTopic> distinctByName(List<NewTopic> topics) {
        Map<String, NewTopic> byName = new LinkedHashMap<>();
        topics.forEach(topic -> byName.putIfAbsent(topic.name(), topic));
        return List.copyOf(byName.values());
    }
}
