package io.sessionfriction.notify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.sessionfriction.notify.alertmanager.AlertmanagerClient;
import io.sessionfriction.notify.alertmanager.AlertmanagerMapping;
import io.sessionfriction.notify.alertmanager.Delivery;
import io.sessionfriction.notify.alertmanager.PostableAlert;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FrictionAlert;

/**
 * Sends friction alerts to Alertmanager as a consumer of {@code friction-alerts} of its own, on its own
 * thread, beside the topology and never inside it: an HTTP call in a stream thread would block the
 * partition's events, or tie delivery to the Streams transaction.
 *
 * <p>At least once: each poll's alerts are posted as one batch, and the poll's offsets are committed only
 * after a post succeeded (or the records were judged not to page anyone, see {@link Recency}). A failed
 * post is retried with doubling waits, for as long as it takes; meanwhile the partitions are paused and
 * the consumer keeps polling, so it stays in its group. Records are read read_committed, so an aborted
 * processor transaction never pages. A repeat after a crash or a rebalance carries the same labels, and
 * Alertmanager merges it into the alert it has.
 */
public final class AlertSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertSink.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(10);
    private static final String TOPIC = Topics.FRICTION_ALERTS.name();

    private final KafkaConsumer<String, byte[]> consumer;
    private final NotifySettings settings;
    private final AlertmanagerClient alertmanager;
    private final NotifyEvents events;
    private final Clock clock;
    private final Recency recency;
    private final AlertmanagerMapping mapping;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** What this member last committed, per partition it owns. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private volatile boolean retrying;
    private volatile String postsFailing;
    private volatile Throwable failure;

    private AlertSink(KafkaConsumer<String, byte[]> consumer, NotifySettings settings, AlertmanagerClient alertmanager,
            NotifyEvents events, Clock clock) {
        this.consumer = consumer;
        this.settings = settings;
        this.alertmanager = alertmanager;
        this.events = events;
        this.clock = clock;
        this.recency = new Recency(settings.maxAge());
        this.mapping = new AlertmanagerMapping(settings.resolveAfter(), settings.linkTemplate());
        this.thread = new Thread(this::run, "alert-sink");
        this.thread.setDaemon(true);
    }

    /**
     * Starts consuming. {@code kafka} holds the client settings (bootstrap servers, security); the sink adds
     * its group, read_committed, manual commits, and {@code earliest} for a new group: a first start reads
     * the topic's history, and the recency rule keeps all but the last hour's alerts from paging.
     */
    public static AlertSink start(NotifySettings settings, Properties kafka, NotifyEvents events) {
        return start(settings, kafka, events, Clock.systemUTC());
    }

    /** With the clock the recency rule reads; tests give a fixed one. */
    public static AlertSink start(NotifySettings settings, Properties kafka, NotifyEvents events, Clock clock) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        AlertSink sink = new AlertSink(consumer, settings,
                new AlertmanagerClient(settings.alertmanagers(), settings.requestTimeout()), events, clock);
        sink.thread.start();
        log.info("Alert sink started: {} to {} (group {}, alerts older than {} not sent)", TOPIC, settings.alertmanagers(),
                settings.groupId(), settings.maxAge());
        return sink;
    }

    /** The consumer's Kafka client metrics (its lag, fetch rates), for the caller's registry. */
    public MeterBinder clientMetrics() {
        return new KafkaClientMetrics(consumer);
    }

    /** Why the sink stopped on its own, if it did (the consumer failed for good: not authorized, fenced). */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** While posts fail and are retried: why the last one failed. */
    public Optional<String> postsFailing() {
        return Optional.ofNullable(postsFailing);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(TOPIC), new PauseWhileRetrying());
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    commitMarkersReadPast();
                } else if (deliver(alertsToSend(records))) {
                    commit(records.partitions());
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            log.error("Alert sink stopped: {}", e.toString(), e);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_BOUND));
        }
    }

    private List<PostableAlert> alertsToSend(ConsumerRecords<String, byte[]> records) {
        Instant now = clock.instant();
        List<PostableAlert> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            read(record).ifPresent(alert -> recency.skipReason(alert, now).ifPresentOrElse(
                    why -> events.skipped(alert.alertId(), alert.rule(), why),
                    () -> batch.add(mapping.map(alert, now))));
        }
        return batch;
    }

    private Optional<FrictionAlert> read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            events.unreadable(record.partition(), record.offset(), "no value");
            return Optional.empty();
        }
        try {
            FrictionAlert alert = Json.MAPPER.readValue(record.value(), FrictionAlert.class);
            List<String> missing = missingFields(alert);
            if (missing.isEmpty()) {
                return Optional.of(alert);
            }
            events.unreadable(record.partition(), record.offset(), "no " + String.join(", ", missing));
        } catch (IOException e) {
            events.unreadable(record.partition(), record.offset(),
                    e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.toString());
        }
        return Optional.empty();
    }

    private static List<String> missingFields(FrictionAlert alert) {
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("alertId", alert.alertId());
        required.put("sessionId", alert.sessionId());
        required.put("rule", alert.rule());
        required.put("severity", alert.severity());
        required.put("timestamp", alert.timestamp());
        return required.entrySet().stream().filter(field -> field.getValue() == null).map(Map.Entry::getKey).toList();
    }

    /** True once every alert of the batch is delivered or refused for good; false when the sink stops first. */
    private boolean deliver(List<PostableAlert> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return true;
        }
        events.pending(batch.size());
        try {
            return post(batch);
        } finally {
            events.pending(0);
            if (retrying) {
                retrying = false;
                consumer.resume(consumer.paused());
            }
        }
    }

    private boolean post(List<PostableAlert> alerts) throws InterruptedException {
        Duration wait = settings.firstRetry();
        for (int attempt = 1; running.get(); attempt++) {
            Delivery delivery = alertmanager.post(alerts);
            switch (delivery.result()) {
                case DELIVERED -> {
                    postsFailing = null;
                    events.sent(alerts.size(), delivery.took());
                    return true;
                }
                case REJECTED -> {
                    postsFailing = null;
                    return alerts.size() == 1 ? rejected(alerts.get(0), delivery.detail()) : postOneByOne(alerts);
                }
                case FAILED -> {
                    postsFailing = delivery.detail();
                    events.postFailed(alerts.size(), attempt, delivery.detail(), wait);
                    keepPollingFor(wait);
                    wait = wait.multipliedBy(2).compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait.multipliedBy(2);
                }
                default -> throw new IllegalStateException("unknown result " + delivery.result());
            }
        }
        return false;
    }

    /** One invalid alert refuses the whole batch: post each alone, so only that one is left out. */
    private boolean postOneByOne(List<PostableAlert> alerts) throws InterruptedException {
        for (PostableAlert alert : alerts) {
            if (!post(List.of(alert))) {
                return false;
            }
        }
        return true;
    }

    private boolean rejected(PostableAlert alert, String reason) {
        events.rejected(alert.annotations().get("alert_id"), reason);
        return true;
    }

    /** Waits with the partitions paused, polling so the group keeps this member and rebalances go on. */
    private void keepPollingFor(Duration wait) {
        retrying = true;
        consumer.pause(consumer.assignment());
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); running.get() && left > 0; left = deadline - System.nanoTime()) {
            rewind(consumer.poll(Duration.ofNanos(Math.min(left, POLL.toNanos()))));
        }
    }

    /** Paused partitions return nothing; should a poll return records anyway, they are read again after the retry. */
    private void rewind(ConsumerRecords<String, byte[]> stray) {
        for (TopicPartition partition : stray.partitions()) {
            consumer.seek(partition, stray.records(partition).get(0).offset());
            consumer.pause(Set.of(partition));
        }
    }

    /** Commits the consumer's position on each of {@code partitions} it still owns: past the records delivered. */
    private void commit(Set<TopicPartition> partitions) {
        Set<TopicPartition> owned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (owned.contains(partition)) {
                offsets.put(partition, new OffsetAndMetadata(consumer.position(partition)));
            }
        }
        commit(offsets);
    }

    /**
     * After an empty poll a position can only have moved over what is not an alert: the transaction markers of
     * the processor's commits, or records deleted by retention. Committing it where it moved puts a group that
     * has read everything at the partition's end, which is how others (run, lag metrics) see that it has; it
     * never passes an alert that was not delivered, since those were returned by a poll and are posted first.
     */
    private void commitMarkersReadPast() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            if (!Long.valueOf(position).equals(committed.get(partition))) {
                offsets.put(partition, new OffsetAndMetadata(position));
            }
        }
        commit(offsets);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            events.commitFailed(e.toString());
        }
    }

    /** Partitions assigned while a post is being retried stay paused until it succeeds, like the others. */
    private final class PauseWhileRetrying implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to flush: offsets are committed after each delivered batch, and an undelivered one is
            // read again by the partition's next owner.
            partitions.forEach(committed::remove);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(committed::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (retrying) {
                consumer.pause(partitions);
            }
        }
    }

    /**
     * Stops after the current post attempt; what was not delivered stays uncommitted and is read again next start.
     * The sink's events are closed with it.
     */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(CLOSE_BOUND.plus(settings.requestTimeout()).multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            events.closed();
        }
    }
}
