package io.sessionfriction.collector;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.sessionfriction.limits.RecordLimits;

/**
 * Everything the collector needs to run: where transcripts live, where they go, and its timing.
 *
 * @param sessionsRoot     the folder holding {@code <user>/...jsonl} transcripts (or flat {@code <user>-<date>-<id>.jsonl})
 * @param bootstrapServers the Kafka cluster
 * @param kafkaOverrides   producer/consumer settings that win over the collector's own
 * @param eventsTopic      one record per transcript event, keyed by session
 * @param dlqTopic         lines that are not events, with why
 * @param offsetsTopic     compacted; one checkpoint per file, written in the same transaction as its events
 * @param transactionalId  unique per collector process (one per server)
 * @param pollInterval     how often known files are checked for growth
 * @param quietPeriod      how long an unterminated, complete last line must stay unchanged before it is published
 * @param rescanInterval   full directory walk, the safety net under the watch service
 * @param since            events with an own {@code timestamp} before this are skipped (backfills)
 * @param until            events with an own {@code timestamp} at or after this are skipped
 * @param maxEventBytes    an event larger than this is shortened to fit; below the broker's max message size
 */
public record CollectorConfig(Path sessionsRoot, String bootstrapServers, Map<String, Object> kafkaOverrides,
        String eventsTopic, String dlqTopic, String offsetsTopic, String transactionalId,
        Duration pollInterval, Duration quietPeriod, Duration rescanInterval,
        Optional<Instant> since, Optional<Instant> until, int maxEventBytes) {

    /**
     * The pipeline's input, one record per transcript event, and its dead letters: the topics the processor
     * declares as {@code Topics.SESSION_EVENTS} and {@code SESSION_EVENTS_DLQ} (a contract test holds them equal).
     */
    public static final String EVENTS_TOPIC = "session-events";
    public static final String DLQ_TOPIC = "session-events-dlq";
    /** The collector's own compacted topic of file checkpoints. */
    public static final String OFFSETS_TOPIC = "collector-offsets";
    public static final String DEFAULT_TRANSACTIONAL_ID = "session-friction-collector";
    // Whole seconds, so the command line's defaults ("1s") can be written from the same numbers.
    public static final long DEFAULT_POLL_INTERVAL_SECONDS = 1;
    public static final long DEFAULT_QUIET_PERIOD_SECONDS = 3;
    public static final long DEFAULT_RESCAN_INTERVAL_SECONDS = 30;

    /** The line topics' record size less room for key, headers and batch overhead (RecordLimits). */
    public static final int DEFAULT_MAX_EVENT_BYTES = RecordLimits.MAX_EVENT_BYTES;

    public CollectorConfig {
        Objects.requireNonNull(sessionsRoot, "sessionsRoot");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        kafkaOverrides = Map.copyOf(kafkaOverrides);
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(rescanInterval, "rescanInterval");
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("quietPeriod must not be negative: " + quietPeriod);
        }
        if (maxEventBytes < 4096) {
            throw new IllegalArgumentException("maxEventBytes must be at least 4096: " + maxEventBytes);
        }
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw new IllegalArgumentException("since " + since.get() + " must be before until " + until.get());
        }
    }

    public static CollectorConfig defaults(Path sessionsRoot, String bootstrapServers) {
        return new CollectorConfig(sessionsRoot, bootstrapServers, Map.of(),
                EVENTS_TOPIC, DLQ_TOPIC, OFFSETS_TOPIC, DEFAULT_TRANSACTIONAL_ID,
                Duration.ofSeconds(DEFAULT_POLL_INTERVAL_SECONDS), Duration.ofSeconds(DEFAULT_QUIET_PERIOD_SECONDS),
                Duration.ofSeconds(DEFAULT_RESCAN_INTERVAL_SECONDS), Optional.empty(), Optional.empty(), DEFAULT_MAX_EVENT_BYTES);
    }

    public CollectorConfig withTopics(String events, String dlq, String offsets) {
        return new CollectorConfig(sessionsRoot, bootstrapServers, kafkaOverrides, events, dlq, offsets,
                transactionalId, pollInterval, quietPeriod, rescanInterval, since, until, maxEventBytes);
    }

    public CollectorConfig withTransactionalId(String id) {
        return new CollectorConfig(sessionsRoot, bootstrapServers, kafkaOverrides, eventsTopic, dlqTopic,
                offsetsTopic, id, pollInterval, quietPeriod, rescanInterval, since, until, maxEventBytes);
    }

    public CollectorConfig withKafkaOverrides(Map<String, Object> overrides) {
        return new CollectorConfig(sessionsRoot, bootstrapServers, overrides, eventsTopic, dlqTopic,
                offsetsTopic, transactionalId, pollInterval, quietPeriod, rescanInterval, since, until, maxEventBytes);
    }

    public CollectorConfig withTiming(Duration poll, Duration quiet, Duration rescan) {
        return new CollectorConfig(sessionsRoot, bootstrapServers, kafkaOverrides, eventsTopic, dlqTopic,
                offsetsTopic, transactionalId, poll, quiet, rescan, since, until, maxEventBytes);
    }

    public CollectorConfig withSince(Instant from) {
        return new CollectorConfig(sessionsRoot, bootstrapServers, kafkaOverrides, eventsTopic, dlqTopic,
                offsetsTopic, transactionalId, pollInterval, quietPeriod, rescanInterval,
                Optional.of(from), until, maxEventBytes);
    }

    public CollectorConfig withUntil(Instant to) {
        return new CollectorConfig(sessionsRoot, bootstrapServers, kafkaOverrides, eventsTopic, dlqTopic,
                offsetsTopic, transactionalId, pollInterval, quietPeriod, rescanInterval,
                since, Optional.of(to), maxEventBytes);
    }

    /** True when the event time lies inside the optional [since, until) window. */
    public boolean inTimeRange(Instant eventTime) {
        return since.map(s -> !eventTime.isBefore(s)).orElse(true)
                && until.map(u -> eventTime.isBefore(u)).orElse(true);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
