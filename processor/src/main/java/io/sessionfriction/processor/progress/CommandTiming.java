package io.sessionfriction.processor.progress;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a command waited and how long it ran, from what the transcript shows (docs/transcript-format.md):
 * bash_progress lines count elapsed seconds from the command's start and begin at 1 to 2 s, so a progress
 * line dates the start, and a command with no progress line ran at most about {@link #NO_PROGRESS_BOUND}.
 * The rest of the time from its tool_use to its result it waited: for the user's approval, a PreToolUse
 * hook, or a call before it. Time from tool_use to result is not the run time.
 */
public final class CommandTiming {

    /** The longest a command without any progress line can have run. */
    public static final Duration NO_PROGRESS_BOUND = Duration.ofSeconds(2);

    private CommandTiming() {
    }

    /**
     * The longest run a progress line is believed: more is a damaged or hostile line, whose elapsed seconds
     * would date the start before any instant Java can hold.
     */
    public static final Duration LONGEST_RUN = Duration.ofDays(366);

    /** The start a progress line dates: its time minus the seconds it says the command has run, at most {@link #LONGEST_RUN}. */
    public static Instant startFromProgress(Instant progressAt, long elapsedSeconds) {
        long seconds = Math.min(Math.max(0, elapsedSeconds), LONGEST_RUN.toSeconds());
        // A line stamped near the earliest instant Java holds cannot date a start before it.
        return progressAt.isBefore(Instant.MIN.plusSeconds(seconds)) ? Instant.MIN : progressAt.minusSeconds(seconds);
    }

    /**
     * The start of a command that ended at {@code endedAt} after being called at {@code calledAt}: the
     * start a progress line dated, or, without one, at most {@link #NO_PROGRESS_BOUND} before its end
     * (never before the call). Null when neither the call nor a start is known.
     */
    public static Instant start(Instant calledAt, Instant datedStart, Instant endedAt) {
        Instant start = datedStart;
        if (start == null && endedAt != null) {
            Instant latest = endedAt.minus(NO_PROGRESS_BOUND);
            start = calledAt != null && latest.isBefore(calledAt) ? calledAt : latest;
        }
        if (start == null) {
            return null;
        }
        // A start dated from whole seconds can fall a little outside [call, end]: clamp it.
        if (calledAt != null && start.isBefore(calledAt)) {
            start = calledAt;
        }
        return endedAt != null && start.isAfter(endedAt) ? endedAt : start;
    }

    /** Seconds from {@code from} to {@code to}, to the millisecond; 0 when either is unknown or they are out of order. */
    public static double seconds(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return 0;
        }
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
