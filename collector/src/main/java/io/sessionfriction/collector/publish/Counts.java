package io.sessionfriction.collector.publish;

import java.util.Map;
import java.util.TreeMap;

import io.sessionfriction.collector.CollectorEvents;
import io.sessionfriction.redaction.Findings;

/** Counts of one transaction, added to the totals only when it commits. */
public final class Tally {

    public long lines;
    public long events;
    public long bytes;
    public long dlq;
    public long truncated;
    public long filtered;
    public long reread;
    public long notTranscripts;
    public long aborted;
    final Map<String, Long> redactions = new TreeMap<>();

    void redacted(Findings findings) {
        findings.byKind().forEach((kind, count) -> redactions.merge(kind, (long) count, Long::sum));
    }

    CollectorEvents.Committed committed() {
        return new CollectorEvents.Committed(lines, events, bytes, dlq, truncated, filtered, reread, notTranscripts,
                Map.copyOf(redactions));
    }

    void add(Tally other) {
        lines += other.lines;
        events += other.events;
        bytes += other.bytes;
        dlq += other.dlq;
        truncated += other.truncated;
        filtered += other.filtered;
        reread += other.reread;
        notTranscripts += other.notTranscripts;
        aborted += other.aborted;
        other.redactions.forEach((kind, count) -> redactions.merge(kind, count, Long::sum));
    }
}
