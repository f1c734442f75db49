package io.sessionfriction.collector.tail;

/** What a tail read yields, in file order: events to publish and lines that are not events. */
public sealed interface TailItem {

    /** 1-based line number of the line the item comes from. */
    long line();

    /** Byte offset where that line (or its continuation after a published unterminated part) starts. */
    long offset();

    /** One JSON object, ready to be the record value. */
    record Event(long line, long offset, byte[] json) implements TailItem {
    }

    /**
     * A line (or its rest after the objects it started with) that is not a JSON object.
     *
     * @param notATranscript the file's first line already fails: the file belongs to another tool and is skipped
     */
    record Rejected(long line, long offset, String error, byte[] raw, boolean notATranscript) implements TailItem {
    }
}
