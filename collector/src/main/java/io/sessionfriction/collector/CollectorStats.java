package io.sessionfriction.collector;

/**
 * The collector since it started.
 *
 * @param filesTracked        files followed now
 * @param filesUnreadable     files that cannot be opened now
 * @param transactionsAborted transactions that failed and were replayed from the checkpoints
 * @param committed           the totals of the committed transactions
 */
public record CollectorStats(long filesTracked, long filesUnreadable, long transactionsAborted,
        CollectorCounts committed) {
}
