package io.sessionfriction.collector.publish;

import java.util.Map;
import java.util.TreeMap;

import io.sessionfriction.collector.CollectorCounts;
import io.sessionfriction.redaction.Findings;

/** The {@link CollectorCounts} of the open transaction as it goes (one field increment per line), or of all committed ones. */
final class Counts {

    long lines;
    long events;
    long bytes;
    long deadLetters;
    long truncated;
    long filtered;
    long rereads;
    long notTranscripts;
    final Map<String, Long> redactions = new TreeMap<>();

    void redacted(Findings findings) {
        findings.byKind().forEach((kind, count) -> redactions.merge(kind, (long) count, Long::sum));
    }

    CollectorCounts snapshot() {
        return new CollectorCounts(lines, events, bytes, deadLetters, truncated, filtered, rereads, notTranscripts,
                Map.copyOf(redactions));
    }

    void add(Counts other) {
        lines += other.lines;
        events += other.events;
        bytes += other.bytes;
        deadLetters += other.deadLetters;
        truncated += other.truncated;
        filtered += other.filtered;
        rereads += other.rereads;
        notTranscripts += other.notTranscripts;
        other.redactions.forEach((kind, count) -> redactions.merge(kind, count, Long::sum));
    }
}
