package io.sessionfriction.processor;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

import io.sessionfriction.processor.event.EventTimestampExtractor;

/**
 * The processor's settings, with production defaults.
 *
 * @param applicationId   Kafka Streams application id (consumer group, internal topic prefix)
 * @param inactivityGap   a gap between two events of a session greater than this starts a new active block
 * @param allowedLateness events older than partition stream time minus this go to the late topic
 * @param textCapChars    longest {@code text} kept on an enriched event (head and tail are kept)
 * @param storage         where state stores keep their data
 * @param topicPrefix     put before every topic name of {@link Topics} (empty for the live pipeline; a replay on a
 *                        shared cluster uses its own, so its records never reach the live topics)
 */
public record ProcessorSettings(String applicationId, Duration inactivityGap, Duration allowedLateness, int textCapChars,
                                StateStorage storage, String topicPrefix) {

    /** RocksDB with changelogs in production; memory (still changelogged) where commits are per record, as in tests. */
    public enum StateStorage { PERSISTENT, IN_MEMORY }

    public static final String DEFAULT_APPLICATION_ID = "session-friction-processor";
    public static final Duration DEFAULT_INACTIVITY_GAP = Duration.ofMinutes(10);
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofDays(7);
    public static final int DEFAULT_TEXT_CAP_CHARS = 4096;
    private static final Pattern LEGAL_TOPIC_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{0,200}");

    public ProcessorSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        requirePositive(inactivityGap, "inactivityGap");
        requirePositive(allowedLateness, "allowedLateness");
        Objects.requireNonNull(storage, "storage");
        if (topicPrefix == null || !LEGAL_TOPIC_PREFIX.matcher(topicPrefix).matches()) {
            throw new IllegalArgumentException("topicPrefix may hold only letters, digits, '.', '_' and '-' "
                    + "(at most 200), was '" + topicPrefix + "'");
        }
        if (textCapChars < 64) {
            throw new IllegalArgumentException("textCapChars must be at least 64, was " + textCapChars);
        }
    }

    public static ProcessorSettings defaults() {
        return new ProcessorSettings(DEFAULT_APPLICATION_ID, DEFAULT_INACTIVITY_GAP, DEFAULT_ALLOWED_LATENESS, DEFAULT_TEXT_CAP_CHARS,
                StateStorage.PERSISTENT, "");
    }

    public ProcessorSettings withInactivityGap(Duration gap) {
        return new ProcessorSettings(applicationId, gap, allowedLateness, textCapChars, storage, topicPrefix);
    }

    public ProcessorSettings withAllowedLateness(Duration lateness) {
        return new ProcessorSettings(applicationId, inactivityGap, lateness, textCapChars, storage, topicPrefix);
    }

    public ProcessorSettings withApplicationId(String id) {
        return new ProcessorSettings(id, inactivityGap, allowedLateness, textCapChars, storage, topicPrefix);
    }

    public ProcessorSettings withStorage(StateStorage newStorage) {
        return new ProcessorSettings(applicationId, inactivityGap, allowedLateness, textCapChars, newStorage, topicPrefix);
    }

    public ProcessorSettings withTopicPrefix(String prefix) {
        return new ProcessorSettings(applicationId, inactivityGap, allowedLateness, textCapChars, storage, prefix);
    }

    /** The topic as this processor names it: every stage reads and writes through here. */
    public <K, V> Topics.Topic<K, V> topic(Topics.Topic<K, V> declared) {
        return declared.prefixed(topicPrefix);
    }

    /** A key-value store of the chosen storage; every stage should build its stores here. */
    public KeyValueBytesStoreSupplier keyValueStore(String name) {
        return storage == StateStorage.IN_MEMORY ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    /** A window store of the chosen storage. */
    public WindowBytesStoreSupplier windowStore(String name, Duration retention, Duration windowSize) {
        return storage == StateStorage.IN_MEMORY
                ? Stores.inMemoryWindowStore(name, retention, windowSize, false)
                : Stores.persistentWindowStore(name, retention, windowSize, false);
    }

    /** How long line ids are remembered: a repeat within the allowed lateness must still be recognised. */
    public Duration dedupRetention() {
        return allowedLateness.plus(Duration.ofDays(1));
    }

    /**
     * Kafka Streams properties: exactly-once, and tuned for alert latency (100 ms commits, no record
     * cache, so every update reaches the alert stage and the output topics at once).
     */
    public Properties streamsProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimestampExtractor.class);
        if (storage == StateStorage.IN_MEMORY) {
            props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        }
        return props;
    }

    /**
     * The topology-level part of the properties, for building the topology: with it the builder itself
     * enforces explicit naming (an unnamed internal topic or store fails the build, in tests too).
     */
    public TopologyConfig topologyConfig() {
        // Building a topology contacts no broker; the address is only there to satisfy StreamsConfig.
        return new TopologyConfig(new StreamsConfig(streamsProperties("topology-only:9092")));
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
