package io.sessionfriction.collector;

import java.util.Map;
import java.util.TreeMap;

import io.sessionfriction.redaction.Findings;

/** Counts of one transaction, added to the totals only when it commits. */
final class Tally {

    long lines;
    long events;
    long bytes;
    long dlq;
    long truncated;
    long filtered;
    long reread;
    long notTranscripts;
    long aborted;
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
