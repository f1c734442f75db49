package io.sessionfriction.collector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Logs each collector event at the level an operator needs and counts it in Micrometer, under the
 * application's one prefix ({@code session_friction_collector_*} in Prometheus). Every meter exists,
 * at 0, from the start, and none has a label per file: the lag is one sum, and the files behind it are
 * named in a log line, the largest first, at most once per {@code lagReportEvery}.
 */
public final class MicrometerCollectorEvents implements CollectorEvents {

    public static final String PREFIX = "session.friction.collector.";
    public static final String LAG_BYTES = PREFIX + "lag.bytes";
    public static final String LAGGING_FILES = PREFIX + "lagging.files";
    public static final String REDACTIONS = PREFIX + "redactions";

    private static final Logger log = LoggerFactory.getLogger(Collector.class);
    private static final Duration LAG_REPORT_EVERY = Duration.ofMinutes(1);
    private static final int LAG_REPORT_FILES = 5;
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration lagReportEvery;
    private final Counter lines;
    private final Counter events;
    private final Counter bytes;
    private final Counter dlq;
    private final Counter truncated;
    private final Counter filtered;
    private final Counter unreadable;
    private final Counter notTranscripts;
    private final Counter reread;
    private final Counter aborted;
    private final Timer latency;
    private final List<Gauge> gauges;
    private final AtomicInteger tracked = new AtomicInteger();
    private final Map<String, Long> lagByFile = new ConcurrentHashMap<>();
    private volatile Instant nextLagReport = Instant.MIN;

    public MicrometerCollectorEvents(MeterRegistry registry) {
        this(registry, Set.of());
    }

    /** With the redaction counter of each of {@code redactionKinds} registered at 0. */
    public MicrometerCollectorEvents(MeterRegistry registry, Set<String> redactionKinds) {
        this(registry, redactionKinds, Clock.systemUTC(), LAG_REPORT_EVERY);
    }

    MicrometerCollectorEvents(MeterRegistry registry, Set<String> redactionKinds, Clock clock, Duration lagReportEvery) {
        this.registry = registry;
        this.clock = clock;
        this.lagReportEvery = lagReportEvery;
        lines = counter("lines", "lines published");
        events = counter("events", "event records published");
        bytes = counter("bytes", "file bytes consumed");
        dlq = counter("dlq.records", "lines sent to the DLQ");
        truncated = counter("truncated.events", "events shortened to fit a record");
        filtered = counter("filtered.events", "events outside --since/--until");
        unreadable = counter("files.unreadable", "files that could not be opened (episodes)");
        notTranscripts = counter("files.not.transcripts", "files skipped as not transcripts");
        reread = counter("files.reread", "files re-read from the start after their prefix changed");
        aborted = counter("transactions.aborted", "failed transactions, replayed from checkpoints");
        latency = Timer.builder(PREFIX + "publish.latency").description("one transaction, first send to commit")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        gauges = List.of(
                Gauge.builder(PREFIX + "files.tracked", tracked, AtomicInteger::get).description("files followed")
                        .register(registry),
                Gauge.builder(LAG_BYTES, lagByFile, lags -> lags.values().stream().mapToLong(Long::longValue).sum())
                        .description("bytes of the followed files not yet published").register(registry),
                Gauge.builder(LAGGING_FILES, lagByFile, lags -> lags.values().stream().filter(lag -> lag > 0).count())
                        .description("followed files with bytes not yet published").register(registry));
        redactionKinds.forEach(this::redactions);
    }

    private Counter redactions(String kind) {
        return Counter.builder(REDACTIONS).tag("kind", kind)
                .description("secrets replaced by placeholders in DLQ records and shortened events").register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(PREFIX + name).description(description).register(registry);
    }

    @Override
    public void fileTracked(String file, String user) {
        log.debug("Following {} (user {})", file, user);
    }

    @Override
    public void fileUntracked(String file) {
        log.info("{} is gone; its checkpoint is kept in case it comes back", file);
        lagByFile.remove(file);
    }

    @Override
    public void fileUnreadable(String file, String reason, boolean permissionDenied) {
        unreadable.increment();
        if (permissionDenied) {
            log.warn("Cannot read {}: permission denied. Fix: let the collector's user read it, e.g. "
                    + "`setfacl -m g:data-ops:r <root>/{}`, or `chown root:data-ops <root>/{} && chmod 0640 <root>/{}` "
                    + "with the collector in group data-ops. Retrying every poll; other files keep flowing.",
                    file, file, file, file);
        } else {
            log.warn("Cannot read {}: {}. Retrying every poll; other files keep flowing.", file, reason);
        }
    }

    @Override
    public void fileReadableAgain(String file) {
        log.info("{} is readable again", file);
    }

    @Override
    public void fileNotATranscript(String file, String error) {
        log.warn("Skipping {}: its first line is not a JSON object ({}); not a session transcript", file, error);
    }

    @Override
    public void fileReread(String file, String reason) {
        log.warn("Re-reading {} from the start: {}", file, reason);
    }

    @Override
    public void lineRejected(String file, long line, long offset, String error) {
        log.warn("Malformed line {} of {} (byte offset {}): {}; sent to the DLQ", line, file, offset, error);
    }

    @Override
    public void eventTruncated(String file, long line, int originalBytes, int publishedBytes) {
        log.info("Shortened line {} of {} from {} to {} bytes to fit a record", line, file, originalBytes,
                publishedBytes);
    }

    @Override
    public void eventFiltered(String file, long line) {
        // Counted when its transaction commits.
    }

    @Override
    public void lag(String file, long lagBytes) {
        lagByFile.put(file, lagBytes);
        Instant now = clock.instant();
        if (lagBytes > 0 && !now.isBefore(nextLagReport)) {
            nextLagReport = now.plus(lagReportEvery);
            reportLag();
        }
    }

    private void reportLag() {
        Map<String, Long> lagging = lagByFile.entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        String largest = lagging.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(LAG_REPORT_FILES).map(e -> e.getKey() + " " + e.getValue() + " B").collect(Collectors.joining(", "));
        log.info("Lag: {} bytes in {} files not yet published; largest: {}",
                lagging.values().stream().mapToLong(Long::longValue).sum(), lagging.size(), largest);
    }

    @Override
    public void committed(CollectorCounts counts, Duration took) {
        lines.increment(counts.lines());
        events.increment(counts.events());
        bytes.increment(counts.bytes());
        dlq.increment(counts.deadLetters());
        truncated.increment(counts.truncated());
        filtered.increment(counts.filtered());
        reread.increment(counts.rereads());
        notTranscripts.increment(counts.notTranscripts());
        counts.redactions().forEach((kind, count) -> redactions(kind).increment(count));
        latency.record(took);
    }

    @Override
    public void aborted(String reason) {
        aborted.increment();
        log.warn("Transaction aborted ({}); replaying from the committed checkpoints", reason);
    }

    /** A gauge reads the state of the collector that registered it: a closed one's would stand in for the next. */
    @Override
    public void closed() {
        gauges.forEach(registry::remove);
    }

    @Override
    public void filesTracked(int count) {
        tracked.set(count);
    }
}
