package io.sessionfriction.collector;

import java.util.Map;

/**
 * What committed transactions published: one transaction's counts, or the totals since the collector
 * started (what read_committed consumers can see). The open transaction counts the same names as it goes,
 * and they count only once it commits: an aborted transaction is read again.
 *
 * @param lines          lines consumed, whatever became of them (events, DLQ, filtered); a line with two objects counts once
 * @param events         event records
 * @param bytes          file bytes consumed
 * @param deadLetters    DLQ records (bad lines and not-a-transcript files)
 * @param truncated      events shortened to fit a record
 * @param filtered       events skipped by --since/--until
 * @param rereads        files read again from the start because their prefix changed
 * @param notTranscripts files skipped as another tool's files
 * @param redactions     secrets replaced in DLQ records and shortened events, by kind
 */
public record CollectorCounts(long lines, long events, long bytes, long deadLetters, long truncated, long filtered,
        long rereads, long notTranscripts, Map<String, Long> redactions) {
}
