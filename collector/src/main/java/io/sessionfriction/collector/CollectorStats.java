package io.sessionfriction.collector;

/**
 * The collector since it started.
 *
 * @param filesTracked        files followed now
 * @param filesUnreadable     files that cannot be opened now
 * @param transactionsAborted transactions that failed and were replayed from the checkpoints
 * @param linesHeldBack       files whose last line is held back now, incomplete (no newline, not whole JSON yet)
 * @param committed           the totals of the committed transactions
 */
public record CollectorStats(long filesTracked, long filesUnreadable, long transactionsAborted, long linesHeldBack,
        CollectorCounts committed) {

    /** Lines the DLQ records stand for that are single bad lines (the others each stand for a skipped file). */
    public long badLines() {
        return committed.deadLetters() - committed.notTranscripts();
    }
}
