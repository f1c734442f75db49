package io.sessionfriction.collector;

import java.time.Duration;

/**
 * Everything observable the collector does, declared once. {@link MicrometerCollectorEvents} logs and
 * counts each; tests record them. The README's metrics table lists the same events.
 *
 * <p>What happens inside a transaction (a line rejected, an event shortened or filtered, a file re-read)
 * is reported when it happens, and counted by {@link #committed}: an aborted transaction is read again,
 * and its lines must not count twice.
 */
public interface CollectorEvents {

    /** A transcript file is followed from now on. */
    void fileTracked(String file, String user);

    /** A file stopped being followed (deleted); its checkpoint stays, so a file back at the path resumes. */
    void fileUntracked(String file);

    /**
     * The file could not be opened; reported once per episode, retried every poll.
     *
     * @param permissionDenied the process lacks read permission (the usual 0600 root:data-ops case)
     */
    void fileUnreadable(String file, String reason, boolean permissionDenied);

    /** A file that could not be opened can be read again. */
    void fileReadableAgain(String file);

    /** The file's first line is not a JSON object: another tool's file, skipped until it changes. */
    void fileNotATranscript(String file, String error);

    /** The bytes before the checkpoint changed (truncated or rewritten): the file is read again from the start. */
    void fileReread(String file, String reason);

    /** A line, or its rest, is not a JSON object: it went to the DLQ. */
    void lineRejected(String file, long line, long offset, String error);

    /** An event larger than a record may be was shortened to fit. */
    void eventTruncated(String file, long line, int originalBytes, int publishedBytes);

    /** An event outside the --since/--until window was skipped. */
    void eventFiltered(String file, long line);

    /** Bytes of the file after its position: what is still to publish (or an unterminated line held back). */
    void lag(String file, long bytes);

    /** A transaction made records and checkpoints visible. */
    void committed(CollectorCounts counts, Duration latency);

    /** A transaction failed and was aborted; its files are read again from their committed checkpoints. */
    void aborted(String reason);

    /** How many files are followed now. */
    void filesTracked(int count);

    /** The collector closed: what describes its state now (gauges) goes, so a later collector in the same process reports its own. */
    default void closed() {
    }
}
