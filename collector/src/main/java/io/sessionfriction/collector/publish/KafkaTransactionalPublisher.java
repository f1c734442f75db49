package io.sessionfriction.collector.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/** A transactional, idempotent producer with acks=all; {@code initTransactions} fences a previous incarnation. */
public final class KafkaTransactionalPublisher implements TransactionalPublisher {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaClientMetrics metrics;

    private KafkaTransactionalPublisher(KafkaProducer<byte[], byte[]> producer, KafkaClientMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    /**
     * Connects and completes or aborts whatever transaction the previous process with this
     * transactional id left open, so checkpoints read afterwards are final.
     */
    public static KafkaTransactionalPublisher start(String bootstrapServers, String transactionalId,
            int maxRecordBytes, Map<String, Object> overrides, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putAll(overrides);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes);
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(CLOSE_TIMEOUT);
            throw e;
        }
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return new KafkaTransactionalPublisher(producer, metrics);
    }

    @Override
    public void begin() {
        producer.beginTransaction();
    }

    @Override
    public void send(ProducerRecord<byte[], byte[]> record) {
        producer.send(record);
    }

    @Override
    public void commit() {
        producer.commitTransaction();
    }

    @Override
    public void abort() {
        producer.abortTransaction();
    }

    /** Bounded: a producer closed after a failure must not hang on a broker that is gone. */
    @Override
    public void close() {
        metrics.close();
        producer.close(CLOSE_TIMEOUT);
    }
}
