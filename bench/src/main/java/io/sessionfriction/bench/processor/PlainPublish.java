package io.sessionfriction.bench.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.sessionfriction.bench.BenchTopics;
import io.sessionfriction.bench.Corpus;
import io.sessionfriction.bench.ProcessCpu;
import io.sessionfriction.kafka.EmbeddedKafka;

/**
 * The publishing half of Kafka's ceiling for a replay: a plain idempotent producer with the collector's
 * settings (acks=all, lz4, linger 5 ms, 256 KiB batches) sending every non-blank line of the corpus, keyed by
 * session, to a fresh topic, timed until every record is acknowledged. No transaction, no parsing.
 */
final class PlainPublish {

    private final Properties adminProperties;
    private final BenchTopics topics;
    private final NewTopic template;

    PlainPublish(Properties adminProperties, BenchTopics topics, NewTopic template) {
        this.adminProperties = adminProperties;
        this.topics = topics;
        this.template = template;
    }

    Measurement run(Corpus corpus, PublishedCorpus published, int round) throws Exception {
        String topic = "bench-publish-" + round + "-" + System.nanoTime();
        topics.create(List.of(BenchTopics.like(template, topic)));
        try {
            long cpuBefore = ProcessCpu.used().toNanos();
            long began = System.nanoTime();
            Acknowledgements acks = new Acknowledgements();
            long sent = 0;
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (Corpus.File file : corpus.files()) {
                    sent += sendLines(producer, topic, file, acks);
                }
                producer.flush();
            }
            long elapsed = System.nanoTime() - began;
            long cpu = ProcessCpu.used().toNanos() - cpuBefore;
            acks.check(topic, sent, corpus.lines());
            return new Measurement("publish", published.label(), round, 0, Duration.ofNanos(elapsed), Duration.ZERO,
                    Duration.ofNanos(cpu), published.events(), published.bytes());
        } finally {
            topics.delete(List.of(topic));
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>();
        adminProperties.forEach((k, v) -> config.put(String.valueOf(k), v));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EmbeddedKafka.MAX_MESSAGE_BYTES);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Every line holding something other than whitespace, as {@link Corpus} counts them; files are a few MB each. */
    private static long sendLines(KafkaProducer<byte[], byte[]> producer, String topic, Corpus.File file,
            Acknowledgements acks) throws IOException {
        byte[] key = file.sessionKey().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(file.path());
        long sent = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (hasContent(bytes, start, i)) {
                    producer.send(new ProducerRecord<>(topic, key, Arrays.copyOfRange(bytes, start, i)), acks);
                    sent++;
                }
                start = i + 1;
            }
        }
        return sent;
    }

    private static boolean hasContent(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return true;
            }
        }
        return false;
    }

    /** A send the broker refused would otherwise pass unseen, its time counted as publishing time. */
    private static final class Acknowledgements implements Callback {

        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            if (failure == null) {
                acknowledged.incrementAndGet();
            } else {
                firstFailure.compareAndSet(null, failure);
            }
        }

        void check(String topic, long sent, long lines) {
            Exception failure = firstFailure.get();
            if (failure != null || sent != lines || acknowledged.get() != lines) {
                throw new IllegalStateException("publishing to " + topic + ": " + acknowledged.get() + " of " + lines
                        + " lines acknowledged (" + sent + " sent)" + (failure == null ? "" : ": " + failure), failure);
            }
        }
    }
}
