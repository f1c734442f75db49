package io.sessionfriction.collector.publish;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records and checkpoints go out in transactions: a read_committed reader sees both or neither.
 * A seam so tests can make a transaction fail; {@link KafkaTransactionalPublisher} is the real one.
 */
public interface TransactionalPublisher extends AutoCloseable {

    void begin();

    void send(ProducerRecord<byte[], byte[]> record);

    /** Commits; throws when any send of the transaction failed, and then nothing of it is visible. */
    void commit();

    /** Aborts the open transaction; throws when the producer cannot go on (fenced, or broken). */
    void abort();

    @Override
    void close();
}
