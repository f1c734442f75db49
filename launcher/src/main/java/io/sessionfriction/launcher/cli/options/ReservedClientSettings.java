package io.sessionfriction.launcher.cli.options;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka settings the pipeline sets itself, because exactly-once delivery, event time and the names given on
 * the command line depend on them. A {@code --kafka-config} file that sets one, plainly or for one of Kafka
 * Streams' clients ({@code producer.acks}), is refused with the key named: applied after the pipeline's own
 * it would silently win (Kafka Streams), applied before it would be silently ignored (the collector). As
 * bakdata's streams-bootstrap refuses a key that two configuration layers set. Tuning (linger, batch
 * sizes, stream threads) and security settings are the file's to set.
 */
final class ReservedClientSettings {

    /** Each reserved key with the pipeline's value, or the option that sets it. */
    static final Map<String, String> SET_BY_THE_PIPELINE = Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "--bootstrap-servers",
            StreamsConfig.APPLICATION_ID_CONFIG, "--application-id",
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2",
            StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, "the events' own timestamps",
            StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true",
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, "--transactional-id, and Kafka Streams' own",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.ACKS_CONFIG, "all",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");

    /** Longest first, so {@code main.consumer.} is taken off before {@code consumer.}. */
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

    private ReservedClientSettings() {
    }

    /** Throws, naming every reserved key {@code file} sets and what sets it, when it sets any. */
    static void refuse(Map<String, Object> settings, Path file) {
        TreeSet<String> conflicts = new TreeSet<>();
        for (String key : settings.keySet()) {
            String reserved = withoutClientPrefix(key);
            if (SET_BY_THE_PIPELINE.containsKey(reserved)) {
                conflicts.add(key + " (pipeline: " + SET_BY_THE_PIPELINE.get(reserved) + ")");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException("--kafka-config: " + file + " sets what the pipeline sets itself, because "
                    + "exactly-once and event time depend on it: " + String.join(", ", conflicts) + "; remove "
                    + (conflicts.size() == 1 ? "it" : "them"));
        }
    }

    private static String withoutClientPrefix(String key) {
        for (String prefix : CLIENT_PREFIXES) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }
}
