package io.sessionfriction.launcher.runtime;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.Topics;

/**
 * Prints friction alerts as they are committed to {@code friction-alerts}, on its own thread. Reads
 * read_committed without a consumer group, so it never disturbs other consumers.
 */
public final class AlertPrinter implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, JsonNode> consumer;
    private final AlertOutput.Lines lines;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Integer> alertsByRule = new TreeMap<>();
    private volatile Map<TopicPartition, Long> positions = Map.of();
    private volatile Throwable failure;

    private AlertPrinter(KafkaConsumer<String, JsonNode> consumer, AlertOutput.Lines lines) {
        this.consumer = consumer;
        this.lines = lines;
        this.thread = new Thread(this::run, "alert-printer");
        this.thread.setDaemon(true);
    }

    /** Starts printing to {@code out} as {@code output} says; {@code fromBeginning} false skips the alerts already on the topic. */
    public static AlertPrinter start(KafkaTarget kafka, PrintWriter out, AlertOutput output, boolean fromBeginning) {
        Properties props = kafka.adminProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, JsonNode> consumer = new KafkaConsumer<>(props,
                Topics.FRICTION_ALERTS.keySerde().deserializer(), Topics.FRICTION_ALERTS.valueSerde().deserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(Topics.FRICTION_ALERTS.name())) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        AlertPrinter printer = new AlertPrinter(consumer, output.to(out));
        printer.thread.start();
        return printer;
    }

    private void run() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, JsonNode> record : consumer.poll(POLL)) {
                    print(record.value());
                }
                Map<TopicPartition, Long> now = new HashMap<>();
                consumer.assignment().forEach(tp -> now.put(tp, consumer.position(tp)));
                positions = Map.copyOf(now);
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void print(JsonNode alert) {
        synchronized (alertsByRule) {
            alertsByRule.merge(alert.path("rule").asText("?"), 1, Integer::sum);
        }
        lines.alert(alert);
    }

    /** Writes the alerts an ordered output held back, and from now on each as it comes. */
    public void release() {
        lines.release();
    }

    /** Where the printer has read up to, per partition. */
    public Map<TopicPartition, Long> positions() {
        return positions;
    }

    public Map<String, Integer> alertsByRule() {
        synchronized (alertsByRule) {
            return new TreeMap<>(alertsByRule);
        }
    }

    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
