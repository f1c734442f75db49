package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.ProcessorOptions;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.ProcessorRuntime;
import io.sessionfriction.processor.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-latency", mixinStandardHelpOptions = true,
        description = {"Measures alert latency: the time from a failing tool_result reaching session-events "
                + "(acknowledged by the broker) to its alert being readable on friction-alerts (read_committed).",
            "Runs the processor with its production settings (exactly_once_v2, 100 ms commits) on the embedded broker "
                    + "unless --bootstrap-servers is given, and prints the median, p95 and max."})
final class BenchLatencyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EVENT_TIME = Instant.parse("2026-02-11T20:00:00Z");

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProcessorOptions processor;

    @Option(names = "--events", defaultValue = "200", description = "Failing tool results to send (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--interval-ms", defaultValue = "100", description = "Pause between two sends (default: ${DEFAULT-VALUE}).")
    long intervalMs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (events < 10) {
            throw new IllegalArgumentException("--events must be at least 10, was " + events);
        }
        try (KafkaTarget target = kafka.open(true)) {
            target.createTopics(CollectorConfig.defaults(java.nio.file.Path.of("."), target.bootstrapServers()), kafka.partitions());
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            try (ProcessorRuntime runtime = ProcessorRuntime.start(target, processor.setup(), Duration.ofSeconds(60));
                    KafkaConsumer<String, JsonNode> alerts = alertConsumer(target);
                    KafkaProducer<String, String> producer = producer(target)) {
                Thread reader = new Thread(() -> readAlerts(alerts, sentAt, latencies), "latency-reader");
                reader.setDaemon(true);
                reader.start();
                for (int i = 0; i < events; i++) {
                    send(producer, "latency-" + i, sentAt);
                    Thread.sleep(intervalMs);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (latencies.size() < events && System.nanoTime() < deadline && runtime.failure() == null) {
                    Thread.sleep(100);
                }
                alerts.wakeup();
                reader.join(5000);
            }
            report(out, latencies);
            return latencies.size() == events ? 0 : 1;
        }
    }

    private static KafkaProducer<String, String> producer(KafkaTarget target) {
        Properties props = target.adminProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, JsonNode> alertConsumer(KafkaTarget target) {
        Properties props = target.adminProperties();
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
    private static void send(KafkaProducer<String, String> producer, String session, Map<String, Long> sentAt)
            throws Exception {
        String toolUseId = "toolu_" + session;
        producer.send(record(session, toolUse(session, toolUseId))).get();
        ProducerRecord<String, String> failure = record(session, failedResult(session, toolUseId));
        producer.send(failure).get();
        sentAt.put(session, System.nanoTime());
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

    private static void readAlerts(KafkaConsumer<String, JsonNode> consumer, Map<String, Long> sentAt, List<Long> latencies) {
        try {
            while (true) {
                for (ConsumerRecord<String, JsonNode> record : consumer.poll(Duration.ofMillis(50))) {
                    Long sent = sentAt.remove(record.key());
                    if (sent != null) {
                        latencies.add(System.nanoTime() - sent);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // the command is done measuring
        }
    }

    private void report(PrintWriter out, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            out.println("No alert arrived: is the processor running?");
            return;
        }
        out.printf("alerts: %d of %d events%n", sorted.size(), events);
        out.printf("latency ms: median %.1f  p95 %.1f  max %.1f%n",
                millis(sorted, 0.5), millis(sorted, 0.95), sorted.get(sorted.size() - 1) / 1e6);
        out.flush();
    }

    private static double millis(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
