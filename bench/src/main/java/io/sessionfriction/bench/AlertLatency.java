package io.sessionfriction.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.processor.Topics;

/**
 * Alert latency against a running processor: the time from a failing tool_result reaching session-events
 * (acknowledged by the broker) to its alert being readable on friction-alerts (read_committed).
 */
public final class AlertLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EVENT_TIME = Instant.parse("2026-02-11T20:00:00Z");
    private static final Duration LAST_ALERT_WITHIN = Duration.ofSeconds(30);

    /** One failing result's latency, and when it was acknowledged counted from the first one's acknowledgement. */
    public record Sample(Duration sentAfter, Duration latency) {
    }

    /** The latencies of {@code sent} failing results: all of them, and window by window of the sending. */
    public record Result(int sent, List<Sample> samples) {

        public Result {
            samples = samples.stream().sorted(Comparator.comparing(Sample::sentAfter)).toList();
        }

        public boolean complete() {
            return samples.size() == sent;
        }

        /** The results sent from {@code warmup} on; none when nothing was sent that late. */
        public Optional<Latencies> sentFrom(Duration warmup) {
            List<Duration> measured = samples.stream().filter(sample -> sample.sentAfter().compareTo(warmup) >= 0)
                    .map(Sample::latency).toList();
            return measured.isEmpty() ? Optional.empty() : Optional.of(new Latencies(warmup, measured));
        }

        /** The samples by when they were sent, {@code width} at a time: a slow start or a periodic stall shows. */
        public List<Latencies> windows(Duration width) {
            Map<Long, List<Duration>> byWindow = new TreeMap<>();
            for (Sample sample : samples) {
                byWindow.computeIfAbsent(sample.sentAfter().toNanos() / width.toNanos(), w -> new ArrayList<>()).add(sample.latency());
            }
            return byWindow.entrySet().stream().map(window -> new Latencies(width.multipliedBy(window.getKey()), window.getValue())).toList();
        }
    }

    /** Latencies of the results sent from {@code from} on, shortest first. */
    public record Latencies(Duration from, List<Duration> sorted) {

        public Latencies {
            sorted = sorted.stream().sorted().toList();
        }

        public Duration quantile(double q) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
        }

        public Duration max() {
            return sorted.get(sorted.size() - 1);
        }
    }

    private AlertLatency() {
    }

    /**
     * Sends failing results at {@code perSecond} for {@code duration}, paced to a schedule (a late send does
     * not push the next ones back), each in a session of its own so each raises a first alert, and waits up
     * to 30 s after the last for their alerts, or until the processor fails. A result's time is when the
     * broker acknowledged it; sends do not wait for each other.
     */
    public static Result measure(Properties clientProperties, int perSecond, Duration duration, Supplier<Throwable> processorFailure)
            throws InterruptedException {
        int events = (int) Math.max(1, perSecond * duration.toMillis() / 1000);
        long spacing = 1_000_000_000L / perSecond;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> alertedAt = new ConcurrentHashMap<>();
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        try (KafkaConsumer<String, JsonNode> alerts = alertConsumer(clientProperties);
                KafkaProducer<String, String> producer = producer(clientProperties)) {
            Thread reader = new Thread(() -> readAlerts(alerts, alertedAt), "latency-reader");
            reader.setDaemon(true);
            reader.start();
            long start = System.nanoTime();
            for (int i = 0; i < events && sendFailure.get() == null && processorFailure.get() == null; i++) {
                long due = start + i * spacing;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                send(producer, "latency-" + i, sentAt, sendFailure);
            }
            producer.flush();
            long deadline = System.nanoTime() + LAST_ALERT_WITHIN.toNanos();
            while (alertedAt.size() < events && System.nanoTime() < deadline && processorFailure.get() == null) {
                Thread.sleep(100);
            }
            alerts.wakeup();
            reader.join(5000);
        }
        if (sendFailure.get() != null) {
            throw new IllegalStateException("Sending failed: " + sendFailure.get(), sendFailure.get());
        }
        long firstSent = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        List<Sample> samples = new ArrayList<>();
        alertedAt.forEach((session, alerted) -> {
            Long sent = sentAt.get(session);
            if (sent != null) {
                samples.add(new Sample(Duration.ofNanos(sent - firstSent), Duration.ofNanos(Math.max(0, alerted - sent))));
            }
        });
        return new Result(events, samples);
    }

    private static KafkaProducer<String, String> producer(Properties clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, JsonNode> alertConsumer(Properties clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, JsonNode> consumer = new KafkaConsumer<>(props,
                Topics.FRICTION_ALERTS.keySerde().deserializer(), Topics.FRICTION_ALERTS.valueSerde().deserializer());
        consumer.subscribe(List.of(Topics.FRICTION_ALERTS.name()));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        return consumer;
    }

    /** One session per event: a Bash tool_use and its failing result, so each result raises a first alert. */
    private static void send(KafkaProducer<String, String> producer, String session, Map<String, Long> sentAt,
            AtomicReference<Exception> failure) {
        String toolUseId = "toolu_" + session;
        producer.send(record(session, toolUse(session, toolUseId)), (metadata, e) -> noteFailure(failure, e));
        producer.send(record(session, failedResult(session, toolUseId)), (metadata, e) -> {
            noteFailure(failure, e);
            sentAt.put(session, System.nanoTime());
        });
    }

    private static void noteFailure(AtomicReference<Exception> failure, Exception e) {
        if (e != null) {
            failure.compareAndSet(null, e);
        }
    }

    private static ProducerRecord<String, String> record(String session, ObjectNode line) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SESSION_EVENTS.name(), session, line.toString());
        record.headers().add("user", "bench".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ObjectNode envelope(String session, String type, String uuid, Instant at) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", type).put("uuid", uuid).put("sessionId", session).put("timestamp", at.toString())
                .put("cwd", "/bench").put("isSidechain", false).put("userType", "external");
        return line;
    }

    private static ObjectNode toolUse(String session, String toolUseId) {
        ObjectNode line = envelope(session, "assistant", session + "-use", EVENT_TIME);
        ObjectNode block = line.putObject("message").put("role", "assistant").putArray("content").addObject();
        block.put("type", "tool_use").put("id", toolUseId).put("name", "Bash")
                .putObject("input").put("command", "cat /data/locked.csv").put("description", "Read the export");
        return line;
    }

    private static ObjectNode failedResult(String session, String toolUseId) {
        ObjectNode line = envelope(session, "user", session + "-result", EVENT_TIME.plusSeconds(1));
        ObjectNode block = line.putObject("message").put("role", "user").putArray("content").addObject();
        block.put("type", "tool_result").put("tool_use_id", toolUseId)
                .put("content", "Exit code 1\ncat: /data/locked.csv: Permission denied").put("is_error", true);
        line.put("toolUseResult", "Error: Exit code 1\ncat: /data/locked.csv: Permission denied");
        return line;
    }

    private static void readAlerts(KafkaConsumer<String, JsonNode> consumer, Map<String, Long> alertedAt) {
        try {
            while (true) {
                for (ConsumerRecord<String, JsonNode> record : consumer.poll(Duration.ofMillis(50))) {
                    alertedAt.putIfAbsent(record.key(), System.nanoTime());
                }
            }
        } catch (WakeupException e) {
            // the command is done measuring
        }
    }
}
