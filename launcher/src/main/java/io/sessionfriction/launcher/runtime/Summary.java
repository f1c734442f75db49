package io.sessionfriction.launcher.runtime;

import java.util.Locale;

import io.sessionfriction.collector.CollectorStats;

/**
 * What a bounded run says when it ends: where every input line went, so nothing can vanish unseen. The
 * collector's part: lines read, events published, lines and files sent to the DLQ and why, what it could
 * not read, shortened or left out, and incomplete last lines held back; the processor's part: of the events,
 * how many were enriched, sent to the DLQ, too late, or dropped as repeats.
 */
public final class Summary {

    private Summary() {
    }

    /** The collector's accounting, one line. */
    public static String collector(CollectorStats stats) {
        return String.format(Locale.ROOT, "collector: %,d files, %,d lines: %,d events; to session-events-dlq %,d malformed lines "
                        + "and %,d files not session transcripts; %,d files unreadable, %,d events shortened, %,d outside "
                        + "--since/--until, %,d incomplete last lines held back, %,d files read again after a rewrite",
                stats.filesTracked(), stats.committed().lines(), stats.committed().events(), stats.badLines(),
                stats.committed().notTranscripts(), stats.filesUnreadable(), stats.committed().truncated(),
                stats.committed().filtered(), stats.linesHeldBack(), stats.committed().rereads());
    }

    /** The processor's accounting of {@code events} published events, one line. */
    public static String processor(long events, OutputCounts outputs) {
        long repeats = events - outputs.enriched() - outputs.processorDeadLetters() - outputs.late();
        return String.format(Locale.ROOT, "processor: of %,d events %,d enriched, %,d to session-events-dlq, %,d late "
                        + "(session-events-late), %,d repeats dropped",
                events, outputs.enriched(), outputs.processorDeadLetters(), outputs.late(), repeats);
    }
}
