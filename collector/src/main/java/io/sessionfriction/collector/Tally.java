package io.sessionfriction.collector;

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

    CollectorEvents.Committed committed() {
        return new CollectorEvents.Committed(lines, events, bytes, dlq, truncated, filtered, reread, notTranscripts);
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
    }
}
