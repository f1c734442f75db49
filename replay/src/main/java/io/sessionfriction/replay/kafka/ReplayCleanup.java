package io.sessionfriction.replay.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a replay left on a shared cluster once its report is written: its own topics
 * ({@code <run id>.*}), Kafka Streams' internal topics of its application id (named as Kafka's
 * application reset tool recognises them) and its consumer group. The report holds the results; the
 * topics would only hold last month's records for nobody.
 */
public final class ReplayCleanup {

    private static final Logger log = LoggerFactory.getLogger(ReplayCleanup.class);
    private static final long CALL_SECONDS = 30;

    private final Properties adminProperties;
    private final String topicPrefix;
    private final String applicationId;

    public ReplayCleanup(Properties adminProperties, String topicPrefix, String applicationId) {
        this.adminProperties = adminProperties;
        this.topicPrefix = topicPrefix;
        this.applicationId = applicationId;
    }

    /** Deletes, or with {@code keep} only names, the run's topics; a failure is logged, never thrown over the report. */
    public void run(boolean keep) {
        try (Admin admin = Admin.create(adminProperties)) {
            List<String> topics = runTopics(admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
                    .get(CALL_SECONDS, TimeUnit.SECONDS));
            if (keep) {
                log.info("Kept the replay's topics (--keep-topics): {}", topics);
                return;
            }
            admin.deleteTopics(topics).all().get(CALL_SECONDS, TimeUnit.SECONDS);
            admin.deleteConsumerGroups(List.of(applicationId)).all().get(CALL_SECONDS, TimeUnit.SECONDS);
            log.info("Deleted the replay's {} topics ({}*) and consumer group {}", topics.size(), topicPrefix, applicationId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while deleting the replay's topics ({}*); delete them by hand", topicPrefix);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Could not delete the replay's topics ({}*) and group {}: {}; delete them by hand",
                    topicPrefix, applicationId, e.getMessage());
        }
    }

    /** The run's own topics and its application's internal ones, sorted. */
    List<String> runTopics(Collection<String> existing) {
        return existing.stream().filter(this::belongsToRun).sorted().toList();
    }

    private boolean belongsToRun(String topic) {
        boolean internal = topic.startsWith(applicationId + "-")
                && (topic.endsWith("-changelog") || topic.endsWith("-repartition"));
        return topic.startsWith(topicPrefix) || internal;
    }
}
