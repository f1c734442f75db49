package io.sessionfriction.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.sessionfriction.collector.checkpoint.Checkpoint;
import io.sessionfriction.collector.checkpoint.CheckpointStore;
import io.sessionfriction.collector.discover.FolderWatcher;
import io.sessionfriction.collector.discover.SessionDiscovery;
import io.sessionfriction.collector.discover.SessionFile;
import io.sessionfriction.collector.publish.EventShortener;
import io.sessionfriction.collector.publish.KafkaTransactionalPublisher;
import io.sessionfriction.collector.publish.Records;
import io.sessionfriction.collector.publish.Records.Origin;
import io.sessionfriction.collector.publish.TransactionalPublisher;
import io.sessionfriction.collector.tail.EventFields;
import io.sessionfriction.collector.tail.FileOpener;
import io.sessionfriction.collector.tail.FileTail;
import io.sessionfriction.collector.tail.TailItem;
import io.sessionfriction.collector.tail.TailRead;

/**
 * Ties discovery, tails, checkpoints and the transactional publisher together.
 *
 * <p>Exactly-once from file to topic: a file's events and its checkpoint are sent in one producer
 * transaction, and checkpoints are read back with read_committed on start. If a transaction fails,
 * the producer is replaced (its {@code initTransactions} aborts the open transaction) and every
 * file is re-read from its last committed checkpoint, so read_committed readers see nothing twice.
 */
public final class Collector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    /** A pass commits at least this often, bounding what a failure replays and what the producer buffers. */
    private static final long TRANSACTION_BYTES = 16L * 1024 * 1024;
    private static final int ATTEMPTS = 3;

    private final CollectorConfig config;
    private final CollectorEvents events;
    private final Clock clock;
    private final FileOpener opener;
    private final Supplier<TransactionalPublisher> publishers;
    private final SessionDiscovery discovery;
    private final Map<String, Checkpoint> committed;
    private final Map<String, FileTail> tails = new TreeMap<>();
    private final Set<String> unreadable = new HashSet<>();
    private final Tally totals = new Tally();
    private final Object lifecycle = new Object();
    private TransactionalPublisher publisher;
    private Transaction transaction = new Transaction();
    private FolderWatcher watcher;
    private Thread loop;
    private volatile boolean running;
    /** Set by close(): a pass in progress stops after its current chunk and commits, so SIGTERM never waits on a backlog. */
    private volatile boolean stopping;
    private boolean closed;

    private Collector(CollectorConfig config, CollectorEvents events, Clock clock, FileOpener opener,
            Supplier<TransactionalPublisher> publishers, TransactionalPublisher publisher,
            Map<String, Checkpoint> committed) {
        this.config = config;
        this.events = events;
        this.clock = clock;
        this.opener = opener;
        this.publishers = publishers;
        this.publisher = publisher;
        this.committed = new HashMap<>(committed);
        this.discovery = new SessionDiscovery(config.sessionsRoot());
    }

    public static Collector create(CollectorConfig config, MeterRegistry registry) {
        return create(config, new MicrometerCollectorEvents(registry), Clock.systemUTC(), FileOpener.DEFAULT,
                kafkaPublishers(config));
    }

    /** Real transactional producers for {@code config}, each one fencing the one before. */
    static Supplier<TransactionalPublisher> kafkaPublishers(CollectorConfig config) {
        return () -> KafkaTransactionalPublisher.start(config.bootstrapServers(), config.transactionalId(),
                config.maxEventBytes() + CollectorConfig.RECORD_OVERHEAD_BYTES, config.kafkaOverrides());
    }

    /**
     * The seams tests use: observable events, the clock of the quiet period, how files are opened,
     * and where transactional publishers come from.
     */
    static Collector create(CollectorConfig config, CollectorEvents events, Clock clock, FileOpener opener,
            Supplier<TransactionalPublisher> publishers) {
        // The producer first: its initTransactions settles the previous run's open transaction,
        // so the checkpoints read next are final.
        TransactionalPublisher publisher = publishers.get();
        try {
            Map<String, Checkpoint> committed = CheckpointStore.load(config.bootstrapServers(),
                    config.offsetsTopic(), config.kafkaOverrides());
            log.info("Collector starting on {} with {} committed file checkpoints", config.sessionsRoot(),
                    committed.size());
            return new Collector(config, events, clock, opener, publishers, publisher, committed);
        } catch (RuntimeException e) {
            publisher.close();
            throw e;
        }
    }

    /** The events and DLQ topics (sized for the largest event) and the compacted offsets topic. */
    public static List<NewTopic> topics(CollectorConfig config, int partitions) {
        Map<String, String> sized = Map.of("max.message.bytes",
                String.valueOf(config.maxEventBytes() + CollectorConfig.RECORD_OVERHEAD_BYTES));
        return List.of(
                new NewTopic(config.eventsTopic(), Optional.of(partitions), Optional.empty()).configs(sized),
                new NewTopic(config.dlqTopic(), Optional.of(partitions), Optional.empty()).configs(sized),
                new NewTopic(config.offsetsTopic(), Optional.of(partitions), Optional.empty())
                        .configs(Map.of("cleanup.policy", "compact")));
    }

    /**
     * One pass: discover every file, publish every complete line; since files are static here, a
     * final unterminated line that parses as a complete JSON object is published too. Commits.
     */
    public synchronized CollectorStats runUntilCaughtUp() {
        discover();
        drain(true);
        return stats();
    }

    /** Background loop (tailing, watch + periodic rescan) until {@link #close()}. */
    public void start() {
        synchronized (lifecycle) {
            if (closed || loop != null) {
                throw new IllegalStateException("Collector already started or closed");
            }
            try {
                watcher = new FolderWatcher();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot watch " + config.sessionsRoot(), e);
            }
            running = true;
            loop = new Thread(this::runLoop, "collector");
            loop.start();
        }
    }

    public synchronized CollectorStats stats() {
        return new CollectorStats(tails.size(), totals.lines, totals.events, totals.bytes, totals.dlq,
                totals.truncated, totals.filtered, totals.reread, totals.notTranscripts, unreadable.size(),
                totals.aborted);
    }

    /** Stops the loop, commits what was published and closes the producer; safe from a shutdown hook. */
    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = true;
            this.running = false;
            running = loop;
        }
        if (watcher != null) {
            watcher.close();
        }
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            try {
                commit();
            } catch (KafkaException e) {
                log.warn("Final commit failed; the next start resumes from the last committed checkpoints", e);
            }
            if (publisher != null) {
                publisher.close();
            }
        }
    }

    private void runLoop() {
        Instant nextRescan = Instant.MIN;
        boolean created = true;
        while (running) {
            try {
                synchronized (this) {
                    if (created || !clock.instant().isBefore(nextRescan)) {
                        discover();
                        nextRescan = clock.instant().plus(config.rescanInterval());
                    }
                    drain(false);
                }
                created = watcher.awaitChange(config.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (FatalPublishException e) {
                log.error("Collector stopped: {}", e.getMessage(), e);
                running = false;
            } catch (RuntimeException e) {
                log.error("Collector pass failed; retrying at the next poll", e);
                created = awaitQuietly();
            }
        }
    }

    private boolean awaitQuietly() {
        try {
            return watcher.awaitChange(config.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }

    private void discover() {
        SessionDiscovery.Scan scan = discovery.scan();
        for (SessionFile file : scan.files()) {
            String name = file.relativePath();
            if (!tails.containsKey(name)) {
                Checkpoint from = committed.getOrDefault(name, Checkpoint.start(name, file.user()));
                tails.put(name, new FileTail(file, from, opener));
                events.fileTracked(name, file.user());
            }
        }
        events.filesTracked(tails.size());
        if (watcher != null) {
            watcher.watch(scan.folders());
        }
    }

    /** Publishes everything new, retrying a failed transaction from the committed checkpoints. */
    private void drain(boolean finalPass) {
        for (int attempt = 1;; attempt++) {
            try {
                drainOnce(finalPass);
                return;
            } catch (ProducerFencedException | AuthorizationException e) {
                throw new FatalPublishException("the producer cannot go on: " + e, e);
            } catch (KafkaException e) {
                recover(e);
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void drainOnce(boolean finalPass) {
        for (FileTail tail : List.copyOf(tails.values())) {
            if (stopping) {
                break;
            }
            Optional<TailRead> read;
            do {
                read = read(tail, finalPass);
                read.ifPresent(r -> publish(tail, r));
                if (transaction.tally.bytes >= TRANSACTION_BYTES) {
                    commit();
                }
            } while (read.isPresent() && read.get().more() && !stopping);
        }
        commit();
    }

    /** Reads one chunk; a file that cannot be opened is reported once and retried, a deleted one let go. */
    private Optional<TailRead> read(FileTail tail, boolean finalPass) {
        String file = tail.file().relativePath();
        TailRead read;
        try {
            read = tail.read(clock.instant(), config.quietPeriod(), finalPass);
        } catch (NoSuchFileException e) {
            tails.remove(file);
            unreadable.remove(file);
            events.fileUntracked(file);
            events.filesTracked(tails.size());
            return Optional.empty();
        } catch (IOException e) {
            if (unreadable.add(file)) {
                events.fileUnreadable(file, e instanceof AccessDeniedException ? "permission denied" : e.toString());
            }
            return Optional.empty();
        }
        if (unreadable.remove(file)) {
            events.fileReadableAgain(file);
        }
        events.lag(file, read.lagBytes());
        return Optional.of(read);
    }

    private void publish(FileTail tail, TailRead read) {
        Checkpoint position = tail.position();
        String file = position.file();
        read.reset().ifPresent(reason -> {
            events.fileReread(file, reason);
            transaction.tally.reread++;
        });
        for (TailItem item : read.items()) {
            Origin origin = new Origin(position.sessionKey(), position.user(), file, item.line(), item.offset());
            if (item instanceof TailItem.Event event) {
                publishEvent(origin, event.json());
            } else if (item instanceof TailItem.Rejected rejected) {
                reject(origin, rejected);
            }
        }
        if (read.bytesRead() > 0 || read.reset().isPresent()) {
            send(Records.checkpoint(config.offsetsTopic(), position));
            transaction.checkpoints.put(file, position);
        }
        transaction.tally.bytes += read.bytesRead();
        transaction.tally.lines += read.lines();
    }

    private void publishEvent(Origin origin, byte[] json) {
        if (outsideTimeRange(json)) {
            events.eventFiltered(origin.file(), origin.line());
            transaction.tally.filtered++;
            return;
        }
        byte[] value = json;
        if (json.length > config.maxEventBytes()) {
            value = EventShortener.shorten(json, config.maxEventBytes());
            if (value.length > config.maxEventBytes()) {
                reject(origin, new TailItem.Rejected(origin.line(), origin.offset(),
                        "event of " + json.length + " bytes does not fit a record even shortened", json, false));
                return;
            }
            events.eventTruncated(origin.file(), origin.line(), json.length, value.length);
            transaction.tally.truncated++;
        }
        send(Records.event(config.eventsTopic(), origin, value));
        transaction.tally.events++;
    }

    private void reject(Origin origin, TailItem.Rejected rejected) {
        if (rejected.notATranscript()) {
            events.fileNotATranscript(origin.file(), rejected.error());
            transaction.tally.notTranscripts++;
        } else {
            events.lineRejected(origin.file(), origin.line(), origin.offset(), rejected.error());
        }
        String error = rejected.notATranscript() ? "not a session transcript: " + rejected.error() : rejected.error();
        send(Records.dlq(config.dlqTopic(), origin, error, rejected.raw()));
        transaction.tally.dlq++;
    }

    /** Lines without a readable own timestamp always pass: the window is about event time, never file time. */
    private boolean outsideTimeRange(byte[] json) {
        if (config.since().isEmpty() && config.until().isEmpty()) {
            return false;
        }
        return EventFields.text(json, "timestamp").flatMap(Collector::instant)
                .map(time -> !config.inTimeRange(time))
                .orElse(false);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        if (publisher == null) {
            publisher = publishers.get();
        }
        if (!transaction.open) {
            publisher.begin();
            transaction.open = true;
            transaction.startedNanos = System.nanoTime();
        }
        publisher.send(record);
    }

    private void commit() {
        if (!transaction.open) {
            return;
        }
        publisher.commit();
        committed.putAll(transaction.checkpoints);
        totals.add(transaction.tally);
        Tally done = transaction.tally;
        events.committed(done.lines, done.events, done.bytes,
                Duration.ofNanos(System.nanoTime() - transaction.startedNanos));
        transaction = new Transaction();
    }

    /**
     * Drops the failed producer (a new one's initTransactions aborts what it left open) and rewinds
     * every file to its committed checkpoint: what the failed transaction held is read again.
     */
    private void recover(KafkaException cause) {
        events.aborted(cause.toString());
        totals.aborted++;
        transaction = new Transaction();
        try {
            publisher.close();
        } catch (KafkaException e) {
            log.debug("Closing the failed producer", e);
        }
        publisher = null;
        for (FileTail tail : List.copyOf(tails.values())) {
            SessionFile file = tail.file();
            tails.put(file.relativePath(), new FileTail(file,
                    committed.getOrDefault(file.relativePath(), Checkpoint.start(file.relativePath(), file.user())),
                    opener));
        }
    }

    /** What one open transaction holds until it commits. */
    private static final class Transaction {
        private final Map<String, Checkpoint> checkpoints = new HashMap<>();
        private final Tally tally = new Tally();
        private boolean open;
        private long startedNanos;
    }

    /** The producer was fenced by another instance or lacks rights: retrying cannot help. */
    static final class FatalPublishException extends RuntimeException {
        FatalPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
