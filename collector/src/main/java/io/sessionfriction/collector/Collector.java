package io.sessionfriction.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.checkpoint.Checkpoint;
import io.sessionfriction.collector.checkpoint.CheckpointStore;
import io.sessionfriction.collector.discover.FolderWatcher;
import io.sessionfriction.collector.discover.SessionDiscovery;
import io.sessionfriction.collector.discover.SessionFile;
import io.sessionfriction.collector.publish.KafkaTransactionalPublisher;
import io.sessionfriction.collector.publish.ReadPublisher;
import io.sessionfriction.collector.publish.TransactionalPublisher;
import io.sessionfriction.collector.publish.Transactions;
import io.sessionfriction.collector.tail.FileOpener;
import io.sessionfriction.collector.tail.FileTail;
import io.sessionfriction.collector.tail.TailRead;
import io.sessionfriction.limits.RecordLimits;
import io.sessionfriction.redaction.Redactor;

/**
 * Ties discovery, tails, checkpoints and the transactional publisher together, and runs them.
 *
 * <p>Exactly-once from file to topic: a file's events and its checkpoint are sent in one producer
 * transaction, and checkpoints are read back with read_committed on start. If a transaction fails,
 * the producer is replaced and every file is re-read from its last committed checkpoint, so
 * read_committed readers see nothing twice.
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
    private final SessionDiscovery discovery;
    private final Transactions transactions;
    private final ReadPublisher publisher;
    private final Map<String, FileTail> tails = new TreeMap<>();
    private final Set<String> unreadable = new HashSet<>();
    /** Files whose bytes after the position are an incomplete last line, at their last read. */
    private final Set<String> heldBack = new HashSet<>();
    private final Object lifecycle = new Object();
    private volatile CollectorStats stats;
    private FolderWatcher watcher;
    private Thread loop;
    private volatile boolean running;
    private volatile RuntimeException failure;
    /** Set by close(): a pass in progress stops after its current chunk and commits, so SIGTERM never waits on a backlog. */
    private volatile boolean stopping;
    private boolean closed;

    private Collector(CollectorConfig config, Redactor redactor, CollectorEvents events, Clock clock, FileOpener opener,
            Transactions transactions) {
        this.config = config;
        this.events = events;
        this.clock = clock;
        this.opener = opener;
        this.transactions = transactions;
        this.publisher = new ReadPublisher(config, redactor, events, transactions);
        this.discovery = new SessionDiscovery(config.sessionsRoot());
        refreshStats();
    }

    /** A collector with the shipped redaction rules (placeholders without a hash). */
    public static Collector create(CollectorConfig config, MeterRegistry registry) {
        return create(config, Redactor.defaults(), registry);
    }

    /** @param redactor cleans what the collector itself writes out of a line: DLQ records, shortened events */
    public static Collector create(CollectorConfig config, Redactor redactor, MeterRegistry registry) {
        return create(config, redactor, new MicrometerCollectorEvents(registry, redactor.kinds()), Clock.systemUTC(), FileOpener.DEFAULT,
                kafkaPublishers(config, registry));
    }

    /** Real transactional producers for {@code config}, each one fencing the one before. */
    static Supplier<TransactionalPublisher> kafkaPublishers(CollectorConfig config) {
        return kafkaPublishers(config, new SimpleMeterRegistry());
    }

    /** Real transactional producers whose Kafka client metrics are bound to {@code registry}. */
    static Supplier<TransactionalPublisher> kafkaPublishers(CollectorConfig config, MeterRegistry registry) {
        return () -> KafkaTransactionalPublisher.start(config.bootstrapServers(), config.transactionalId(),
                config.maxEventBytes() + RecordLimits.RECORD_OVERHEAD_BYTES, config.kafkaOverrides(), registry);
    }

    /**
     * The seams tests use: observable events, the clock of the quiet period, how files are opened,
     * and where transactional publishers come from.
     */
    static Collector create(CollectorConfig config, CollectorEvents events, Clock clock, FileOpener opener,
            Supplier<TransactionalPublisher> publishers) {
        return create(config, Redactor.defaults(), events, clock, opener, publishers);
    }

    private static Collector create(CollectorConfig config, Redactor redactor, CollectorEvents events, Clock clock,
            FileOpener opener, Supplier<TransactionalPublisher> publishers) {
        // The producer first: its initTransactions settles the previous run's open transaction,
        // so the checkpoints read next are final.
        TransactionalPublisher first = publishers.get();
        try {
            Map<String, Checkpoint> committed = CheckpointStore.load(config.bootstrapServers(),
                    config.offsetsTopic(), config.kafkaOverrides());
            log.info("Collector starting on {} with {} committed file checkpoints", config.sessionsRoot(),
                    committed.size());
            return new Collector(config, redactor, events, clock, opener,
                    new Transactions(publishers, first, committed, events));
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
    }

    /** The events and DLQ topics (sized for the largest event) and the compacted offsets topic. */
    public static List<NewTopic> topics(CollectorConfig config, int partitions) {
        Map<String, String> sized = Map.of("max.message.bytes",
                String.valueOf(config.maxEventBytes() + RecordLimits.RECORD_OVERHEAD_BYTES));
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

    /** True while the background loop runs: false before {@link #start()}, after close() or a fatal error. */
    public boolean isRunning() {
        return running;
    }

    /**
     * Why the background loop stopped on its own, if it did: the producer was fenced (another collector
     * uses the same transactional id) or is not authorized. The process should exit; retrying cannot help.
     */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Committed totals; never waits for a pass in progress. */
    public CollectorStats stats() {
        return stats;
    }

    /** Stops the loop, commits what was published and closes the producer; safe from a shutdown hook. */
    @Override
    public void close() {
        Thread background;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = true;
            running = false;
            background = loop;
        }
        if (watcher != null) {
            watcher.close();
        }
        if (background != null) {
            try {
                background.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            try {
                transactions.commit();
            } catch (KafkaException e) {
                log.warn("Final commit failed; the next start resumes from the last committed checkpoints", e);
            }
            transactions.close();
        }
        events.closed();
        log.info("Collector closed: {}", stats);
    }

    private void runLoop() {
        Instant nextRescan = Instant.MIN;
        boolean created = true;
        Instant failingSince = null;
        while (running) {
            try {
                synchronized (this) {
                    if (created || !clock.instant().isBefore(nextRescan)) {
                        discover();
                        nextRescan = clock.instant().plus(config.rescanInterval());
                    }
                    drain(false);
                }
                if (failingSince != null) {
                    log.info("Collector publishing again after {} s of failed passes",
                            Duration.between(failingSince, clock.instant()).toSeconds());
                    failingSince = null;
                }
            } catch (FatalPublishException e) {
                log.error("Collector stopped: {}", e.getMessage(), e);
                failure = e;
                running = false;
                return;
            } catch (RuntimeException e) {
                // A broker outage fails every pass until it ends: said once, with the cause, not once a poll.
                if (failingSince == null) {
                    failingSince = clock.instant();
                    log.warn("Collector pass failed ({}); retrying at every poll from the committed checkpoints", e.toString());
                }
                log.debug("Collector pass failed", e);
            }
            try {
                created = watcher.awaitChange(config.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void discover() {
        SessionDiscovery.Scan scan = discovery.scan();
        for (SessionFile file : scan.files()) {
            String name = file.relativePath();
            if (!tails.containsKey(name)) {
                tails.put(name, tailFromCommitted(file));
                events.fileTracked(name, file.user());
            }
        }
        events.filesTracked(tails.size());
        if (watcher != null) {
            watcher.watch(scan.folders());
        }
        refreshStats();
    }

    private FileTail tailFromCommitted(SessionFile file) {
        Checkpoint from = transactions.committed(file.relativePath())
                .orElseGet(() -> Checkpoint.start(file.relativePath(), file.user()));
        return new FileTail(file, from, opener);
    }

    /**
     * Publishes everything new, retrying a failed transaction from the committed checkpoints. Any
     * failure aborts: a pass that stopped half-way through a read has records without their
     * checkpoint in the transaction and tails ahead of what will be committed.
     */
    private void drain(boolean finalPass) {
        for (int attempt = 1;; attempt++) {
            try {
                drainOnce(finalPass);
                return;
            } catch (ProducerFencedException | AuthorizationException e) {
                throw new FatalPublishException("the producer cannot go on: " + e, e);
            } catch (RuntimeException e) {
                abort(e);
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } finally {
                refreshStats();
            }
        }
    }

    private void abort(RuntimeException cause) {
        try {
            transactions.abort(cause);
        } catch (ProducerFencedException e) {
            throw new FatalPublishException("the producer cannot go on: " + e, e);
        }
        tails.replaceAll((name, tail) -> tailFromCommitted(tail.file()));
    }

    private void drainOnce(boolean finalPass) {
        for (FileTail tail : List.copyOf(tails.values())) {
            Optional<TailRead> read = Optional.empty();
            do {
                if (stopping) {
                    break;
                }
                read = read(tail, finalPass);
                read.ifPresent(r -> publisher.publish(tail.position(), r));
                if (transactions.openBytes() >= TRANSACTION_BYTES) {
                    transactions.commit();
                }
            } while (read.isPresent() && read.get().more());
        }
        transactions.commit();
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
            heldBack.remove(file);
            events.fileUntracked(file);
            events.filesTracked(tails.size());
            return Optional.empty();
        } catch (IOException e) {
            if (unreadable.add(file)) {
                events.fileUnreadable(file, e.toString(), e instanceof AccessDeniedException);
            }
            return Optional.empty();
        }
        if (unreadable.remove(file)) {
            events.fileReadableAgain(file);
        }
        events.lag(file, read.lagBytes());
        if (read.lagBytes() > 0 && !read.more()) {
            heldBack.add(file);
        } else {
            heldBack.remove(file);
        }
        return Optional.of(read);
    }

    private void refreshStats() {
        stats = new CollectorStats(tails.size(), unreadable.size(), transactions.aborted(), heldBack.size(),
                transactions.committedCounts());
    }

    /** The producer was fenced by another instance or lacks rights: retrying cannot help. */
    static final class FatalPublishException extends RuntimeException {
        FatalPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
