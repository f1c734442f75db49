package io.sessionfriction.processor.progress;

import java.time.Instant;

import io.sessionfriction.processor.SessionScopedKey;

/**
 * One Bash command of a session, as written to {@code command-progress} (key {@code sessionKey|toolUseId})
 * on every change. {@code elapsedTimeSeconds} is cumulative, so the duration so far is the largest value
 * seen, never a sum; 96 updates of one rsync are one command. The time from the tool_use to the result is
 * not the time it ran: a command can wait minutes to hours for the user's approval or a PreToolUse hook
 * before it starts, so the two are told apart ({@link CommandTiming}).
 *
 * @param toolUseId          the Bash tool_use id: the root every progress line's parentUuid chain leads to
 * @param command            null until the tool_use is seen (progress can arrive first)
 * @param updates            bash_progress lines seen
 * @param maxElapsedSeconds  the largest elapsedTimeSeconds, null before the first progress line
 * @param firstEventAt       earliest event time of the command's lines (tool_use, progress, result)
 * @param lastEventAt        latest event time of the command's lines
 * @param exitCode           parsed from "Exit code N" when the command failed with one
 * @param backgroundTaskId   set when the command was moved to the background at its timeout
 * @param startedAt          when it started: dated by its first progress line, else (once ended) at most
 *                           2 s before its result; null while unknown
 * @param waitedSeconds      from the tool_use to the start (approval, hooks); null while unknown
 * @param ranSeconds         from the start to the result, or the largest elapsed while it runs; null while unknown
 */
public record CommandProgress(String sessionKey, String user, String toolUseId, String command, String description,
                              long updates, Long maxElapsedSeconds, Instant firstEventAt, Instant lastEventAt,
                              Outcome outcome, Integer exitCode, String backgroundTaskId, Instant startedAt,
                              Double waitedSeconds, Double ranSeconds) {

    public static String key(String sessionKey, String toolUseId) {
        return SessionScopedKey.of(sessionKey, toolUseId);
    }

    static CommandProgress start(String sessionKey, String user, String toolUseId) {
        return new CommandProgress(sessionKey, user, toolUseId, null, null, 0, null, null, null, Outcome.RUNNING, null, null,
                null, null, null);
    }

    CommandProgress withCommand(String newCommand, String newDescription) {
        return new CommandProgress(sessionKey, user, toolUseId, newCommand, newDescription, updates, maxElapsedSeconds,
                firstEventAt, lastEventAt, outcome, exitCode, backgroundTaskId, startedAt, waitedSeconds, ranSeconds);
    }

    /** A progress line: the cumulative elapsed, and the start it dates (the earliest such date wins). */
    CommandProgress withProgress(long elapsedSeconds, Instant at) {
        long max = maxElapsedSeconds == null ? elapsedSeconds : Math.max(maxElapsedSeconds, elapsedSeconds);
        Instant dated = at == null ? null : CommandTiming.startFromProgress(at, elapsedSeconds);
        Instant start = startedAt == null || dated != null && dated.isBefore(startedAt) ? dated : startedAt;
        return new CommandProgress(sessionKey, user, toolUseId, command, description, updates + 1, max,
                firstEventAt, lastEventAt, outcome, exitCode, backgroundTaskId, start, waitedSeconds, ranSeconds);
    }

    /**
     * The result: the outcome, and the start and durations final. A call refused at its permission prompt
     * ({@code neverRan}) waited until its result and ran 0 s; one moved to the background at its timeout
     * without progress lines ran from its call to its result (its timeout is what ended it).
     */
    CommandProgress withOutcome(Outcome newOutcome, Integer newExitCode, String newBackgroundTaskId, Instant endedAt, boolean neverRan) {
        Instant start = startedAt;
        if (start == null && neverRan) {
            start = endedAt;
        } else if (start == null && newOutcome == Outcome.BACKGROUNDED) {
            start = firstEventAt;
        }
        return new CommandProgress(sessionKey, user, toolUseId, command, description, updates, maxElapsedSeconds,
                firstEventAt, lastEventAt, newOutcome, newExitCode, newBackgroundTaskId, start, waitedSeconds, ranSeconds)
                .timed(endedAt);
    }

    CommandProgress seenAt(Instant at) {
        if (at == null) {
            return this;
        }
        Instant first = firstEventAt == null || at.isBefore(firstEventAt) ? at : firstEventAt;
        Instant last = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
        return new CommandProgress(sessionKey, user, toolUseId, command, description, updates, maxElapsedSeconds,
                first, last, outcome, exitCode, backgroundTaskId, startedAt, waitedSeconds, ranSeconds);
    }

    /**
     * Waited and ran, from the first event (the tool_use) and the start its progress dated; once ended
     * ({@code endedAt}), a command without progress ran at most {@link CommandTiming#NO_PROGRESS_BOUND}.
     * Called after every change, so a tool_use that arrives after its progress lines still counts.
     */
    CommandProgress timed(Instant endedAt) {
        Instant start = CommandTiming.start(firstEventAt, startedAt, endedAt);
        Double waited = start == null || firstEventAt == null ? null : round(CommandTiming.seconds(firstEventAt, start));
        Double ran;
        if (endedAt != null && start != null) {
            ran = round(CommandTiming.seconds(start, endedAt));
        } else {
            ran = maxElapsedSeconds == null ? null : maxElapsedSeconds.doubleValue();
        }
        // The dated start is kept as dated (it is clamped only to measure), so a later tool_use can re-measure.
        Instant kept = endedAt != null && startedAt == null ? start : startedAt;
        return new CommandProgress(sessionKey, user, toolUseId, command, description, updates, maxElapsedSeconds,
                firstEventAt, lastEventAt, outcome, exitCode, backgroundTaskId, kept, waited, ran);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
