package io.sessionfriction.collector;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Logs each collector event at the level an operator needs and counts it in Micrometer. */
public final class MicrometerCollectorEvents implements CollectorEvents {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    private final MeterRegistry registry;
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
    private final AtomicInteger tracked = new AtomicInteger();
    private final Map<String, AtomicLong> lagByFile = new ConcurrentHashMap<>();

    public MicrometerCollectorEvents(MeterRegistry registry) {
        this.registry = registry;
        lines = counter("collector.lines", "lines published");
        events = counter("collector.events", "event records published");
        bytes = counter("collector.bytes", "file bytes consumed");
        dlq = counter("collector.dlq.records", "lines sent to the DLQ");
        truncated = counter("collector.truncated.events", "events shortened to fit a record");
        filtered = counter("collector.filtered.events", "events outside --since/--until");
        unreadable = counter("collector.files.unreadable", "files that could not be opened (episodes)");
        notTranscripts = counter("collector.files.not.transcripts", "files skipped as not transcripts");
        reread = counter("collector.files.reread", "files re-read from the start after their prefix changed");
        aborted = counter("collector.transactions.aborted", "failed transactions, replayed from checkpoints");
        latency = Timer.builder("collector.publish.latency").description("one transaction, first send to commit")
                .register(registry);
        Gauge.builder("collector.files.tracked", tracked, AtomicInteger::get).description("files followed")
                .register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    @Override
    public void fileTracked(String file, String user) {
        log.debug("Following {} (user {})", file, user);
    }

    @Override
    public void fileUntracked(String file) {
        log.info("{} is gone; its checkpoint is kept in case it comes back", file);
        AtomicLong lag = lagByFile.remove(file);
        if (lag != null) {
            lag.set(0);
        }
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
        lagByFile.computeIfAbsent(file, f -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("collector.lag.bytes", value, AtomicLong::get).tag("file", f)
                    .description("bytes of the file not yet published").register(registry);
            return value;
        }).set(lagBytes);
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
        counts.redactions().forEach((kind, count) -> Counter.builder("collector.redactions").tag("kind", kind)
                .description("secrets replaced by placeholders in DLQ records and shortened events").register(registry)
                .increment(count));
        latency.record(took);
    }

    @Override
    public void aborted(String reason) {
        aborted.increment();
        log.warn("Transaction aborted ({}); replaying from the committed checkpoints", reason);
    }

    @Override
    public void filesTracked(int count) {
        tracked.set(count);
    }
}
