package io.sessionfriction.collector;

/**
 * Committed totals since the collector started (what read_committed consumers can see).
 *
 * @param filesTracked        files followed now
 * @param linesPublished      lines consumed by committed transactions, whatever became of them (events, DLQ,
 *                            filtered); a line with two objects counts once
 * @param bytesRead           file bytes consumed by committed transactions
 * @param dlqRecords          DLQ records committed (bad lines and not-a-transcript files)
 * @param truncatedEvents     events shortened to fit a record
 * @param eventsPublished     event records committed
 * @param filteredEvents      events skipped by --since/--until
 * @param filesReread         files read again from the start because their prefix changed
 * @param filesNotTranscripts files skipped as another tool's files
 * @param filesUnreadable     files that cannot be opened now
 * @param transactionsAborted transactions that failed and were replayed from the checkpoints
 */
public record CollectorStats(long filesTracked, long linesPublished, long bytesRead, long dlqRecords,
        long truncatedEvents, long eventsPublished, long filteredEvents, long filesReread, long filesNotTranscripts,
        long filesUnreadable, long transactionsAborted) {
}
