package io.sessionfriction.processor;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * How long per-session state lives, derived from the allowed lateness, so state is proportional to the
 * sessions active lately, not to every session ever seen:
 * <ul>
 *   <li>no event older than stream time minus the allowed lateness can be placed (it goes to the late
 *       topic), so state older than that is <b>compacted</b> to what a later event still needs: a session's
 *       totals and last block, its alert counts; tool uses and commands that never got a result go;</li>
 *   <li>a session idle for {@value #FORGET_AFTER_LATENESSES} times the allowed lateness is <b>forgotten</b>:
 *       if it ever resumes, its blocks and alert counts start over.</li>
 * </ul>
 * Every stage with per-session state checks it every {@link #every()} of stream time (never wall-clock
 * time: a replay of last month compacts exactly what a live run would have).
 */
public record StateHorizons(Duration allowedLateness) {

    public static final int FORGET_AFTER_LATENESSES = 4;
    private static final Duration AT_MOST_EVERY = Duration.ofHours(1);

    /** How often the stages compact: hourly, or twice per lateness when that is shorter. */
    public Duration every() {
        Duration half = allowedLateness.dividedBy(2);
        return half.compareTo(AT_MOST_EVERY) < 0 ? half : AT_MOST_EVERY;
    }

    /** State that ended before this can be compacted. */
    public Instant compactBefore(long streamTimeMs) {
        return Instant.ofEpochMilli(streamTimeMs).minus(allowedLateness);
    }

    /** A session whose last event is before this is forgotten. */
    public Instant forgetBefore(long streamTimeMs) {
        return Instant.ofEpochMilli(streamTimeMs).minus(allowedLateness.multipliedBy(FORGET_AFTER_LATENESSES));
    }

    /** Schedules {@code compaction} on stream time, at {@link #every()}. */
    public void schedule(ProcessingContext context, Punctuator compaction) {
        context.schedule(every(), PunctuationType.STREAM_TIME, compaction);
    }
}
