package io.sessionfriction.processor;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;

import io.sessionfriction.limits.RecordLimits;
import io.sessionfriction.processor.event.DeadLetterOnFailure;
import io.sessionfriction.processor.event.EventTimestampExtractor;
import io.sessionfriction.processor.store.WriteBehindKeyValueStore;
import io.sessionfriction.processor.store.WriteBehindStoreBuilder;

/**
 * The processor's settings, with production defaults.
 *
 * @param applicationId   Kafka Streams application id (consumer group, internal topic prefix)
 * @param inactivityGap   a gap between two events of a session greater than this starts a new active block
 * @param allowedLateness events older than partition stream time minus this go to the late topic
 * @param textCapChars    longest {@code text} kept on an enriched event (head and tail are kept)
 * @param storage         where state stores keep their data
 * @param topicPrefix     put before every topic name of {@link Topics} (empty for the live pipeline; a replay uses
 *                        its run's, so on a shared cluster its records never reach the live topics)
 * @param tuning          latency (live) or throughput (replay)
 * @param streamThreads   Kafka Streams threads of the processor (by default the tuning's)
 * @param enrichedTopic   whether the enriched stream is written to {@code session-events-enriched}: always, but for a
 *                        replay on a broker of its own, whose topics end with the run unread ({@link #withoutEnrichedTopic})
 */
public record ProcessorSettings(String applicationId, Duration inactivityGap, Duration allowedLateness, int textCapChars,
                                StateStorage storage, String topicPrefix, Tuning tuning, int streamThreads,
                                boolean enrichedTopic) {

    /**
     * RocksDB with changelogs in production; memory (still changelogged) where commits are per record, as in
     * tests; for state thrown away after the run (a replay's), key-value stores in memory and window stores on
     * RocksDB: an in-memory window store looks a key up in every window of the range it fetches, one per
     * millisecond an event was stamped with, so on a large replay the repeat check cost more than everything else.
     * Disposable state with one stream thread also keeps no changelog ({@link #changelogged()}), and its repeat check
     * keeps its ids in a key-value store instead, in memory too ({@link #seenIdsByKey()}).
     */
    public enum StateStorage { PERSISTENT, IN_MEMORY, DISPOSABLE }

    /** What the processor is tuned for; the topology and its results are the same either way. */
    public enum Tuning {
        /** Live: an alert is visible within about 100 ms (commits every 100 ms, no record cache). */
        LATENCY(Duration.ofMillis(100), 0, 1),
        /**
         * Replay: nobody waits for one alert. Each exactly-once commit waits for every record in flight and
         * the transaction markers, so commits are rarer; a record cache folds a session's many updates of
         * one store entry between two commits into one changelog record; and stream threads process
         * partitions side by side, one core short of all: the replay's process also publishes the sessions
         * and runs the broker, and on 2 cores a second stream thread made the topology slower and cost half
         * as much CPU again (docs/benchmarks.md).
         */
        THROUGHPUT(Duration.ofSeconds(1), 64L * 1024 * 1024, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

        private final Duration commitInterval;
        private final long cacheBytes;
        private final int streamThreads;

        Tuning(Duration commitInterval, long cacheBytes, int streamThreads) {
            this.commitInterval = commitInterval;
            this.cacheBytes = cacheBytes;
            this.streamThreads = streamThreads;
        }

        public int streamThreads() {
            return streamThreads;
        }
    }

    public static final String DEFAULT_APPLICATION_ID = "session-friction-processor";
    // Whole minutes and days, so the command line's defaults ("10m", "7d") can be written from the same numbers.
    public static final long DEFAULT_INACTIVITY_GAP_MINUTES = 10;
    public static final long DEFAULT_ALLOWED_LATENESS_DAYS = 7;
    public static final Duration DEFAULT_INACTIVITY_GAP = Duration.ofMinutes(DEFAULT_INACTIVITY_GAP_MINUTES);
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofDays(DEFAULT_ALLOWED_LATENESS_DAYS);
    public static final int DEFAULT_TEXT_CAP_CHARS = 4096;
    /** Values kept decoded per store and task by {@link WriteBehindKeyValueStore}: sessions active at once, with room. */
    private static final int DECODED_VALUES = 4096;
    private static final int RESTORE_FETCH_WAIT_MS = 10;
    private static final Duration IDLE_CHECK = Duration.ofMillis(100);
    private static final Pattern LEGAL_TOPIC_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{0,200}");

    public ProcessorSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        requirePositive(inactivityGap, "inactivityGap");
        requirePositive(allowedLateness, "allowedLateness");
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(storage, "storage");
        if (streamThreads < 1) {
            throw new IllegalArgumentException("streamThreads must be at least 1, was " + streamThreads);
        }
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
                StateStorage.PERSISTENT, "", Tuning.LATENCY, Tuning.LATENCY.streamThreads(), true);
    }

    public ProcessorSettings withInactivityGap(Duration gap) {
        return new ProcessorSettings(applicationId, gap, allowedLateness, textCapChars, storage, topicPrefix, tuning, streamThreads, enrichedTopic);
    }

    public ProcessorSettings withAllowedLateness(Duration lateness) {
        return new ProcessorSettings(applicationId, inactivityGap, lateness, textCapChars, storage, topicPrefix, tuning, streamThreads, enrichedTopic);
    }

    public ProcessorSettings withApplicationId(String id) {
        return new ProcessorSettings(id, inactivityGap, allowedLateness, textCapChars, storage, topicPrefix, tuning, streamThreads, enrichedTopic);
    }

    public ProcessorSettings withStorage(StateStorage newStorage) {
        return new ProcessorSettings(applicationId, inactivityGap, allowedLateness, textCapChars, newStorage, topicPrefix, tuning, streamThreads, enrichedTopic);
    }

    public ProcessorSettings withTopicPrefix(String prefix) {
        return new ProcessorSettings(applicationId, inactivityGap, allowedLateness, textCapChars, storage, prefix, tuning, streamThreads, enrichedTopic);
    }

    /** The tuning, with its number of stream threads. */
    public ProcessorSettings withTuning(Tuning newTuning) {
        return new ProcessorSettings(applicationId, inactivityGap, allowedLateness, textCapChars, storage, topicPrefix, newTuning,
                newTuning.streamThreads(), enrichedTopic);
    }

    public ProcessorSettings withStreamThreads(int threads) {
        return new ProcessorSettings(applicationId, inactivityGap, allowedLateness, textCapChars, storage, topicPrefix, tuning, threads, enrichedTopic);
    }

    /**
     * The same processor without the enriched stream's sink: every stage still runs on the enriched events (the
     * command tracker and the alert stage read them), and every other output is the same record for record.
     * For a replay on a broker of its own: its topics end with the run, it never reads that one back, and it
     * cost a large replay an eighth (100 MB) to a quarter (500 MB) of its time: its records are as large
     * as the input's, serialised, sent and stored by the broker (docs/benchmarks.md).
     */
    public ProcessorSettings withoutEnrichedTopic() {
        return new ProcessorSettings(applicationId, inactivityGap, allowedLateness, textCapChars, storage, topicPrefix, tuning, streamThreads, false);
    }

    /**
     * Whether the stores keep changelogs. Disposable state run by one stream thread does not: nothing is ever
     * restored from it, so there is no restore phase before the tasks run and no changelog records in each
     * transaction (docs/benchmarks.md). Only one thread, because with more a task can move from one to another
     * while the group settles, and on the new one it would start empty. A task Kafka Streams revives (an
     * exactly-once task marked corrupted) also starts empty: the topology then refuses any task that starts again
     * after it processed records ({@code StateLossGuard}).
     */
    public boolean changelogged() {
        return storage != StateStorage.DISPOSABLE || streamThreads > 1;
    }

    /**
     * Whether the repeat check keeps its ids in a key-value store of each id's times instead of a window store: for
     * state without a changelog (disposable, one thread), where nothing is restored and the store lives in memory.
     * Both answer the same ({@code SeenIds}); with a changelog the window store's stays, as live restores it.
     */
    public boolean seenIdsByKey() {
        return !changelogged();
    }

    /** The topic as this processor names it: every stage reads and writes through here. */
    public <K, V> Topics.Topic<K, V> topic(Topics.Topic<K, V> declared) {
        return declared.prefixed(topicPrefix);
    }

    /**
     * A key-value store of the chosen storage and tuning; every stage builds its stores here, so every
     * changelog record is bounded like an output ({@link BoundedSerdes}). Tuned for throughput, its values
     * also stay objects between two commits ({@link WriteBehindKeyValueStore}).
     */
    public <K, V> StoreBuilder<KeyValueStore<K, V>> keyValueStore(String name, Serde<K> keys, Serde<V> values) {
        KeyValueBytesStoreSupplier supplier = storage == StateStorage.PERSISTENT
                ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
        Serde<K> boundedKeys = BoundedSerdes.keys(keys);
        StoreBuilder<KeyValueStore<K, V>> builder = tuned(Stores.keyValueStoreBuilder(supplier, boundedKeys, BoundedSerdes.values(values)));
        return tuning.cacheBytes > 0 ? new WriteBehindStoreBuilder<>(builder, boundedKeys, DECODED_VALUES) : builder;
    }

    /**
     * A window store of the chosen storage, uncached whatever the tuning: the repeat check's (the only one)
     * writes each key once, so a record cache has nothing to fold, and each fetch would also scan the cache's
     * sorted range of that key.
     */
    public <K, V> StoreBuilder<WindowStore<K, V>> windowStore(String name, Duration retention, Duration windowSize,
            Serde<K> keys, Serde<V> values) {
        WindowBytesStoreSupplier supplier = storage == StateStorage.IN_MEMORY
                ? Stores.inMemoryWindowStore(name, retention, windowSize, false)
                : Stores.persistentWindowStore(name, retention, windowSize, false);
        return logged(Stores.windowStoreBuilder(supplier, BoundedSerdes.keys(keys), BoundedSerdes.values(values)).withCachingDisabled());
    }

    private <S extends StateStore> StoreBuilder<S> tuned(StoreBuilder<S> builder) {
        return logged(tuning.cacheBytes > 0 ? builder.withCachingEnabled() : builder.withCachingDisabled());
    }

    private <S extends StateStore> StoreBuilder<S> logged(StoreBuilder<S> builder) {
        return changelogged() ? builder : builder.withLoggingDisabled();
    }

    /** How often a task looks whether its input ran dry, to commit then ({@code CommitWhenIdle}). */
    public Duration idleCheck() {
        return tuning.commitInterval.compareTo(IDLE_CHECK) < 0 ? tuning.commitInterval : IDLE_CHECK;
    }

    /** How long per-session state lives (compacted after the allowed lateness, forgotten later). */
    public StateHorizons stateHorizons() {
        return new StateHorizons(allowedLateness);
    }

    /**
     * How long line ids are remembered: a repeat within the allowed lateness must still be recognised (an older
     * one is late anyway). The margin (a day, or the lateness when shorter) covers the store's segments; it
     * must not dominate, or the store holds a day of every event whatever the lateness.
     */
    public Duration dedupRetention() {
        Duration margin = allowedLateness.compareTo(Duration.ofDays(1)) < 0 ? allowedLateness : Duration.ofDays(1);
        return allowedLateness.plus(margin);
    }

    /**
     * Kafka Streams properties: exactly-once, and tuned for alert latency (by default 100 ms commits, no
     * record cache, so every update reaches the alert stage and the output topics at once).
     */
    public Properties streamsProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, tuning.commitInterval.toMillis());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, tuning.cacheBytes);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // Restoring a changelog that holds nothing (every first start) waited the broker's fetch wait, 500 ms.
        props.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), RESTORE_FETCH_WAIT_MS);
        props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimestampExtractor.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnFailure.class);
        props.put(DeadLetterOnFailure.DLQ_TOPIC_CONFIG, topic(Topics.SESSION_EVENTS_DLQ).name());
        // What BoundedSerdes makes every record fit, said to the producer and to the internal topics Streams creates.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), RecordLimits.OUTPUT_RECORD_BYTES);
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(RecordLimits.OUTPUT_RECORD_BYTES));
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
