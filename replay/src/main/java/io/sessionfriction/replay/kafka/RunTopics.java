package io.sessionfriction.replay.kafka;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.replay.ReplayCluster;

/** A replay's own names on the cluster: every topic under its run's prefix, and an application id nobody used. */
public final class RunTopics {

    private static final long CALL_SECONDS = 15;

    private RunTopics() {
    }

    /**
     * The collector of a run, with its own transactional id, topics and checkpoints: a live collector's
     * checkpoints name the same files and would make the replay skip them, sharing its transactional id
     * would fence it, and the live topics' consumers must never see a replayed alert.
     */
    public static CollectorConfig collectorConfig(Path root, ReplayCluster cluster, String runId, ProcessorSettings settings) {
        return collectorConfig(root, cluster.bootstrapServers(), cluster.clientOverrides(), runId, settings);
    }

    /** The same for a cluster at {@code bootstrapServers}: bench-processor publishes its corpus as a replay does. */
    public static CollectorConfig collectorConfig(Path root, String bootstrapServers, Map<String, Object> clientOverrides,
            String runId, ProcessorSettings settings) {
        return CollectorConfig.defaults(root, bootstrapServers)
                .withKafkaOverrides(clientOverrides)
                .withTransactionalId(runId)
                .withTopics(settings.topic(Topics.SESSION_EVENTS).name(), settings.topic(Topics.SESSION_EVENTS_DLQ).name(),
                        settings.topicPrefix() + CollectorConfig.OFFSETS_TOPIC);
    }

    /** The processor's topics under the run's prefix. */
    public static List<NewTopic> processorTopics(int partitions, ProcessorSettings settings) {
        // Replayed records carry last month's event times: time-based retention would delete them mid-run.
        return Topics.newTopics(partitions, settings.topicPrefix(), Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    /** On a shared cluster an application id that already committed offsets would resume, not replay. */
    public static void requireUnused(Properties adminProperties, String applicationId) {
        try (Admin admin = Admin.create(adminProperties)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(CALL_SECONDS, TimeUnit.SECONDS);
            if (!committed.isEmpty()) {
                throw new IllegalArgumentException("--application-id " + applicationId + " was used by an earlier run "
                        + "on this cluster; give each replay its own --application-id");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the application id", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot check the application id on the cluster: " + e.getMessage(), e);
        }
    }
}
