package io.sessionfriction.limits;

/**
 * Every record size limit of the pipeline, declared once, so that the collector, the processor, the topics
 * they create, the embedded broker and {@code docker-compose.yml} agree (a test checks the compose file
 * against these; docs/reliability.md explains them). Under exactly-once a record that a producer or a
 * broker refuses aborts its transaction, and the same input comes back after every restart: a record must
 * fit by construction, never by luck.
 *
 * <ul>
 *   <li><b>Line topics</b> ({@code session-events}, {@code session-events-dlq}) hold transcript lines as
 *       written, up to {@value #LINE_RECORD_BYTES} bytes a record: the broker's {@code message.max.bytes},
 *       the topics' {@code max.message.bytes} and the collector producer's {@code max.request.size}. The
 *       collector shortens a larger event to {@link #MAX_EVENT_BYTES}.</li>
 *   <li><b>Processor records</b> (its output topics and the changelogs of its stores) fit Kafka's default
 *       of one MiB ({@value #OUTPUT_RECORD_BYTES}), so they fit any cluster: the processor shortens a
 *       larger value to {@link #MAX_OUTPUT_VALUE_BYTES} and a longer key to {@value #MAX_KEY_BYTES} bytes.
 *       Only the line topics need a setting on the cluster.</li>
 * </ul>
 */
public final class RecordLimits {

    /** The largest record of a line topic, and the broker's {@code message.max.bytes}. */
    public static final int LINE_RECORD_BYTES = 8 * 1024 * 1024;

    /** Room a record needs besides its value: key, headers, record and batch framing. */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;

    /** The largest event the collector publishes; a larger one is shortened. */
    public static final int MAX_EVENT_BYTES = LINE_RECORD_BYTES - RECORD_OVERHEAD_BYTES;

    /**
     * The largest record the processor writes: its producer's {@code max.request.size} and the
     * {@code max.message.bytes} of every topic it writes (Kafka's defaults).
     */
    public static final int OUTPUT_RECORD_BYTES = 1024 * 1024;

    /** The largest value the processor writes; a larger one is shortened. */
    public static final int MAX_OUTPUT_VALUE_BYTES = OUTPUT_RECORD_BYTES - RECORD_OVERHEAD_BYTES;

    /** The longest key the processor writes (keys hold ids taken from lines); a longer one keeps its head and a hash. */
    public static final int MAX_KEY_BYTES = 1024;

    /** A DLQ record carries the start of the bad line, enough to see what it was, never megabytes. */
    public static final int DLQ_RAW_CHARS = 4096;

    private RecordLimits() {
    }
}
