package io.sessionfriction.processor.progress;

import java.time.Instant;

import io.sessionfriction.processor.SessionScopedKey;

/**
 * One Bash command of a session, as written to {@code command-progress} (key {@code sessionKey|toolUseId})
 * on every change. {@code elapsedTimeSeconds} is cumulative, so the duration so far is the largest value
 * seen, never a sum; 96 updates of one rsync are one command.
 *
 * @param toolUseId          the Bash tool_use id: the root every progress line's parentUuid chain leads to
 * @param command            null until the tool_use is seen (progress can arrive first)
 * @param updates            bash_progress lines seen
 * @param maxElapsedSeconds  the largest elapsedTimeSeconds, null before the first progress line
 * @param firstEventAt       earliest event time of the command's lines (tool_use, progress, result)
 * @param lastEventAt        latest event time of the command's lines
 * @param exitCode           parsed from "Exit code N" when the command failed with one
 * @param backgroundTaskId   set when the command was moved to the background at its timeout
 */
public record CommandProgress(String sessionKey, String user, String toolUseId, String command, String description,
                              long updates, Long maxElapsedSeconds, Instant firstEventAt, Instant lastEventAt,
                              Outcome outcome, Integer exitCode, String backgroundTaskId) {

    public static String key(String sessionKey, String toolUseId) {
        return SessionScopedKey.of(sessionKey, toolUseId);
    }

    static CommandProgress start(String sessionKey, String user, String toolUseId) {
        return new CommandProgress(sessionKey, user, toolUseId, null, null, 0, null, null, null, Outcome.RUNNING, null, null);
    }

    CommandProgress withCommand(String newCommand, String newDescription) {
        return new CommandProgress(sessionKey, user, toolUseId, newCommand, newDescription, updates, maxElapsedSeconds,
                firstEventAt, lastEventAt, outcome, exitCode, backgroundTaskId);
    }

    CommandProgress withProgress(long elapsedSeconds) {
        long max = maxElapsedSeconds == null ? elapsedSeconds : Math.max(maxElapsedSeconds, elapsedSeconds);
        return new CommandProgress(sessionKey, user, toolUseId, command, description, updates + 1, max,
                firstEventAt, lastEventAt, outcome, exitCode, backgroundTaskId);
    }

    CommandProgress withOutcome(Outcome newOutcome, Integer newExitCode, String newBackgroundTaskId) {
        return new CommandProgress(sessionKey, user, toolUseId, command, description, updates, maxElapsedSeconds,
                firstEventAt, lastEventAt, newOutcome, newExitCode, newBackgroundTaskId);
    }

    CommandProgress seenAt(Instant at) {
        if (at == null) {
            return this;
        }
        Instant first = firstEventAt == null || at.isBefore(firstEventAt) ? at : firstEventAt;
        Instant last = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
        return new CommandProgress(sessionKey, user, toolUseId, command, description, updates, maxElapsedSeconds,
                first, last, outcome, exitCode, backgroundTaskId);
    }
}
