package io.sessionfriction.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.processor.Topics;

/**
 * A steady load through the whole pipeline for a set time: transcript files written at a fixed rate by a
 * constant number of live sessions (each lives {@code sessionLifetime}, then a new one takes its place, as
 * analysts' sessions come and go), tailed by the collector, processed by the processor. Every sample reports
 * throughput, alert latency (a failing result written to its file, to its first alert readable on
 * friction-alerts), the heap after a full GC and the processor's state. State that grows with every
 * session ever seen shows as a last quarter larger than the second.
 */
public final class Soak {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TICK = Duration.ofMillis(100);
    private static final int LINES_PER_TURN = 5;

    /** What to run. */
    public record Plan(Duration duration, int eventsPerSecond, int liveSessions, Duration sessionLifetime, Duration sampleEvery) {
    }

    /** The pipeline the soak drives, started by the caller. */
    public interface Pipeline {

        /** The sessions root the collector tails. */
        Path sessions();

        /** Client settings to read the pipeline's topics with. */
        Properties clientProperties();

        /** Entries in the processor's state stores now. */
        long stateEntries();

        /** Bytes of the processor's state directory on disk now. */
        long stateDiskBytes();

        /** Why the collector or the processor stopped, if one did. */
        Throwable failure();
    }

    /** One sample of the run. */
    public record Sample(Duration at, double writtenPerSecond, double processedPerSecond, Duration latencyP50, Duration latencyP99,
                         int alerts, long heapAfterGcBytes, long stateEntries, long stateDiskBytes) {
    }

    /** Every sample, and the steadiness of heap and state between the second and the last quarter. */
    public record Result(List<Sample> samples) {

        public double heapGrowth() {
            return growth(Sample::heapAfterGcBytes);
        }

        public double stateGrowth() {
            return growth(Sample::stateEntries);
        }

        /** Heap after GC and state entries of the last quarter within 10 % of the second quarter's. */
        public boolean steady() {
            return Math.abs(heapGrowth()) <= 0.10 && Math.abs(stateGrowth()) <= 0.10;
        }

        private double growth(java.util.function.ToLongFunction<Sample> figure) {
            int n = samples.size();
            double second = mean(samples.subList(n / 4, n / 2), figure);
            double last = mean(samples.subList(3 * n / 4, n), figure);
            return second == 0 ? 0 : (last - second) / second;
        }

        private static double mean(List<Sample> part, java.util.function.ToLongFunction<Sample> figure) {
            return part.stream().mapToLong(figure).average().orElse(0);
        }
    }

    private final Plan plan;
    private final Pipeline pipeline;
    private final Map<String, Long> failingWrittenAt = new ConcurrentHashMap<>();
    private final List<Duration> latencies = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> alerted = ConcurrentHashMap.newKeySet();
    private final AtomicLong processed = new AtomicLong();
    private final Map<Integer, Long> slotGeneration = new java.util.HashMap<>();
    private long written;

    private Soak(Plan plan, Pipeline pipeline) {
        this.plan = plan;
        this.pipeline = pipeline;
    }

    public static Result run(Plan plan, Pipeline pipeline, Consumer<Sample> progress) throws InterruptedException {
        return new Soak(plan, pipeline).run(progress);
    }

    private Result run(Consumer<Sample> progress) throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> enriched = consumer(Topics.SESSION_EVENTS_ENRICHED.name());
                KafkaConsumer<byte[], byte[]> alerts = consumer(Topics.FRICTION_ALERTS.name())) {
            Thread counter = reader(enriched, record -> processed.incrementAndGet(), "soak-enriched");
            Thread alertReader = reader(alerts, this::alert, "soak-alerts");
            long start = System.nanoTime();
            long nextSample = start + plan.sampleEvery().toNanos();
            long writtenAtSample = 0;
            long processedAtSample = 0;
            long sampledAt = start;
            double linesPerTick = plan.eventsPerSecond() * (TICK.toMillis() / 1000.0);
            double owed = 0;
            for (long tick = 0; System.nanoTime() - start < plan.duration().toNanos(); tick++) {
                if (pipeline.failure() != null) {
                    throw new IllegalStateException("The pipeline stopped: " + pipeline.failure(), pipeline.failure());
                }
                owed += linesPerTick;
                for (; owed >= 1; owed--) {
                    writeNextLine(Duration.ofNanos(System.nanoTime() - start));
                }
                long now = System.nanoTime();
                if (now >= nextSample) {
                    double seconds = (now - sampledAt) / 1e9;
                    samples.add(sample(Duration.ofNanos(now - start), (written - writtenAtSample) / seconds,
                            (processed.get() - processedAtSample) / seconds));
                    progress.accept(samples.get(samples.size() - 1));
                    writtenAtSample = written;
                    processedAtSample = processed.get();
                    sampledAt = now;
                    nextSample += plan.sampleEvery().toNanos();
                }
                long sleep = start + (tick + 1) * TICK.toNanos() - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            enriched.wakeup();
            alerts.wakeup();
            counter.join(5000);
            alertReader.join(5000);
        }
        return new Result(samples);
    }

    /**
     * Line {@code written} of the load: session slots take turns; each turn is a prompt, a Bash command, its
     * progress, its result and an answer; a session's third command fails (its first alert). A slot's session
     * is replaced by a new one every sessionLifetime.
     */
    private void writeNextLine(Duration elapsed) {
        long line = written++;
        int slot = (int) ((line / LINES_PER_TURN) % plan.liveSessions());
        long generation = elapsed.toNanos() / plan.sessionLifetime().toNanos();
        String session = session(slot, generation);
        if (slotGeneration.getOrDefault(slot, 0L) != generation) {
            slotGeneration.put(slot, generation);
            // The files of sessions long over leave the folder, as a copy job's retention would: the collector
            // lets a deleted file go, so its memory follows the files there are.
            delete(session(slot, generation - 2));
        }
        long turn = line / LINES_PER_TURN / plan.liveSessions();
        String toolUseId = "toolu_" + session.substring(24) + "_" + turn;
        Instant now = Instant.now();
        ObjectNode json = switch ((int) (line % LINES_PER_TURN)) {
            case 0 -> prompt(session, now, "load part " + turn);
            case 1 -> toolUse(session, now, toolUseId, "psql -f part_" + (turn % 7) + ".sql");
            case 2 -> progress(session, now, toolUseId);
            case 3 -> result(session, now, toolUseId, turn % 3 == 2);
            default -> answer(session, now);
        };
        if (line % LINES_PER_TURN == 3 && turn % 3 == 2 && alerted.add(session)) {
            failingWrittenAt.put(json.path("uuid").asText(), System.nanoTime());
        }
        append(session, json.toString());
    }

    private static String session(int slot, long generation) {
        return String.format("50a40000-%04x-4000-8000-%012x", slot, generation);
    }

    private Path file(String session) {
        return pipeline.sessions().resolve("soak").resolve("2026-02-11_" + session + ".jsonl");
    }

    private void delete(String session) {
        try {
            Files.deleteIfExists(file(session));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String session, String json) {
        try {
            Files.createDirectories(pipeline.sessions().resolve("soak"));
            Files.writeString(file(session), json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void alert(ConsumerRecord<byte[], byte[]> record) {
        try {
            JsonNode alert = JSON.readTree(record.value());
            JsonNode evidence = alert.path("evidence");
            Long writtenAt = failingWrittenAt.remove(evidence.path(evidence.size() - 1).path("uuid").asText());
            if (writtenAt != null) {
                latencies.add(Duration.ofNanos(System.nanoTime() - writtenAt));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Sample sample(Duration at, double writtenPerSecond, double processedPerSecond) {
        List<Duration> window;
        synchronized (latencies) {
            window = latencies.stream().sorted().collect(Collectors.toList());
            latencies.clear();
        }
        return new Sample(at, writtenPerSecond, processedPerSecond, quantile(window, 0.5), quantile(window, 0.99), window.size(),
                heapAfterFullGc(), pipeline.stateEntries(), pipeline.stateDiskBytes());
    }

    private static Duration quantile(List<Duration> sorted, double q) {
        return sorted.isEmpty() ? null : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    /**
     * The heap in use right after a full collection, forced here: after a young collection the heap still holds
     * old garbage, and that figure drifts up until the next full one whatever the live set does.
     */
    static long heapAfterFullGc() {
        ManagementFactory.getMemoryMXBean().gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String topic) {
        Properties props = new Properties();
        props.putAll(pipeline.clientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-soak-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        return consumer;
    }

    private static Thread reader(KafkaConsumer<byte[], byte[]> consumer, Consumer<ConsumerRecord<byte[], byte[]>> each, String name) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    consumer.poll(Duration.ofMillis(100)).forEach(each);
                }
            } catch (WakeupException e) {
                // the soak is over
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static ObjectNode envelope(String session, String type, Instant at) {
        return JSON.createObjectNode().put("type", type).put("uuid", java.util.UUID.randomUUID().toString()).put("sessionId", session)
                .put("timestamp", at.toString()).put("cwd", "/soak").put("isSidechain", false).put("userType", "external");
    }

    private static ObjectNode prompt(String session, Instant at, String text) {
        ObjectNode line = envelope(session, "user", at);
        line.putObject("message").put("role", "user").put("content", text);
        return line;
    }

    private static ObjectNode toolUse(String session, Instant at, String toolUseId, String command) {
        ObjectNode line = envelope(session, "assistant", at);
        line.putObject("message").put("role", "assistant").putArray("content").addObject().put("type", "tool_use")
                .put("id", toolUseId).put("name", "Bash").putObject("input").put("command", command).put("description", "Load a part");
        return line;
    }

    private static ObjectNode progress(String session, Instant at, String toolUseId) {
        ObjectNode line = envelope(session, "progress", at);
        line.putObject("data").put("type", "bash_progress").put("output", "COPY").put("fullOutput", "COPY")
                .put("elapsedTimeSeconds", 2).put("totalLines", 1).put("timeoutMs", 120000);
        line.put("toolUseID", "bash-progress-0").put("parentToolUseID", toolUseId);
        return line;
    }

    private static ObjectNode result(String session, Instant at, String toolUseId, boolean failing) {
        ObjectNode line = envelope(session, "user", at);
        String text = failing ? "Exit code 1\npsql: error: could not open file: Permission denied" : "COPY 1000";
        line.putObject("message").put("role", "user").putArray("content").addObject().put("type", "tool_result")
                .put("tool_use_id", toolUseId).put("content", text).put("is_error", failing);
        if (failing) {
            line.put("toolUseResult", "Error: " + text);
        } else {
            line.putObject("toolUseResult").put("stdout", text).put("stderr", "").put("interrupted", false).put("isImage", false);
        }
        return line;
    }

    private static ObjectNode answer(String session, Instant at) {
        ObjectNode line = envelope(session, "assistant", at);
        line.putObject("message").put("role", "assistant").putArray("content").addObject().put("type", "text").put("text", "Done.");
        return line;
    }
}
