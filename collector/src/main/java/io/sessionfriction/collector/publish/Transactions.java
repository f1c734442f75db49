package io.sessionfriction.collector.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sessionfriction.collector.CollectorCounts;
import io.sessionfriction.collector.CollectorEvents;
import io.sessionfriction.collector.checkpoint.Checkpoint;

/**
 * The open transaction: records and file checkpoints go in together, and only a commit moves the
 * committed checkpoints and the totals. A failure drops the producer; the next one's
 * {@code initTransactions} aborts what the failed one left open.
 */
public final class Transactions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Transactions.class);

    private final Supplier<TransactionalPublisher> publishers;
    private final CollectorEvents events;
    private final Map<String, Checkpoint> committed;
    private final Counts totals = new Counts();
    private long aborted;
    private TransactionalPublisher publisher;
    private Map<String, Checkpoint> checkpoints = new HashMap<>();
    private Counts counts = new Counts();
    private boolean open;
    private long startedNanos;

    public Transactions(Supplier<TransactionalPublisher> publishers, TransactionalPublisher publisher,
            Map<String, Checkpoint> committed, CollectorEvents events) {
        this.publishers = publishers;
        this.publisher = publisher;
        this.committed = new HashMap<>(committed);
        this.events = events;
    }

    /** The checkpoint last committed for a file. */
    public Optional<Checkpoint> committed(String file) {
        return Optional.ofNullable(committed.get(file));
    }

    /** Counts of the open transaction; they reach the totals when it commits. */
    Counts counts() {
        return counts;
    }

    /** File bytes the open transaction has consumed so far. */
    public long openBytes() {
        return counts.bytes;
    }

    /** Totals of committed transactions. */
    public CollectorCounts committedCounts() {
        return totals.snapshot();
    }

    /** Transactions that failed and were aborted. */
    public long aborted() {
        return aborted;
    }

    void send(ProducerRecord<byte[], byte[]> record) {
        if (publisher == null) {
            publisher = publishers.get();
        }
        if (!open) {
            publisher.begin();
            open = true;
            startedNanos = System.nanoTime();
        }
        publisher.send(record);
    }

    /** Sends a file's new position; it becomes the committed one with the records sent before it. */
    void checkpoint(ProducerRecord<byte[], byte[]> record, Checkpoint checkpoint) {
        send(record);
        checkpoints.put(checkpoint.file(), checkpoint);
    }

    public void commit() {
        if (!open) {
            return;
        }
        publisher.commit();
        committed.putAll(checkpoints);
        totals.add(counts);
        events.committed(counts.snapshot(), Duration.ofNanos(System.nanoTime() - startedNanos));
        reset();
    }

    /**
     * Aborts the failed transaction; the caller rewinds files to {@link #committed}. The same producer
     * goes on when it can: a new one would take the transactional id over, and if the failure was
     * another collector fencing this one, the two would then fence each other in turn.
     *
     * @throws ProducerFencedException when another producer holds the transactional id now
     */
    public void abort(RuntimeException cause) {
        events.aborted(cause.toString());
        aborted++;
        boolean wasOpen = open;
        reset();
        if (publisher == null || !wasOpen) {
            return;
        }
        try {
            publisher.abort();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new ProducerFencedException("another producer holds the transactional id: " + e.getMessage());
        } catch (KafkaException e) {
            log.warn("Could not abort on the failed producer ({}); starting a new one", e.toString());
            close();
        }
    }

    private void reset() {
        checkpoints = new HashMap<>();
        counts = new Counts();
        open = false;
    }

    @Override
    public void close() {
        if (publisher != null) {
            try {
                publisher.close();
            } catch (KafkaException e) {
                log.debug("Closing the producer", e);
            }
            publisher = null;
        }
    }
}
