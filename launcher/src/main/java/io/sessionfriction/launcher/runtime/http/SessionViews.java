package io.sessionfriction.launcher.runtime.http;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sessionfriction.processor.activity.Block;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.progress.CommandProgress;
import io.sessionfriction.processor.progress.Outcome;

/** The JSON bodies of the session endpoints (documented in docs/operations.md). */
final class SessionViews {

    private SessionViews() {
    }

    /** {@code GET /sessions/{id}}. */
    record Session(String sessionKey, String user, double totalActiveSeconds, double wallClockSeconds,
                   Instant firstEvent, Instant lastEvent, List<Block> blocks, List<RunningCommand> runningCommands,
                   List<FrictionAlert> alerts, String servedBy) {

        static Session of(SessionActivity activity, List<CommandProgress> commands, List<FrictionAlert> alerts,
                String servedBy) {
            List<RunningCommand> running = commands.stream().filter(command -> command.outcome() == Outcome.RUNNING)
                    .map(RunningCommand::of).toList();
            return new Session(activity.sessionKey(), activity.user(), activity.totalActiveSeconds(),
                    activity.wallClockSeconds(), activity.firstEvent(), activity.lastEvent(), activity.blocks(), running,
                    alerts, servedBy);
        }
    }

    /**
     * A Bash command with no result yet. {@code elapsedSeconds} is the largest cumulative
     * {@code elapsedTimeSeconds} seen (null before its first progress line: commands under ~2 s have none).
     */
    record RunningCommand(String toolUseId, String command, String description, Long elapsedSeconds, long updates,
                          Instant firstEventAt, Instant lastEventAt) {

        static RunningCommand of(CommandProgress command) {
            return new RunningCommand(command.toolUseId(), command.command(), command.description(),
                    command.maxElapsedSeconds(), command.updates(), command.firstEventAt(), command.lastEventAt());
        }
    }

    /** One entry of {@code GET /sessions?user=} or {@code ?prefix=}. */
    record SessionSummary(String sessionKey, String user, Instant firstEvent, Instant lastEvent,
                          double totalActiveSeconds, int blocks) {

        static final Comparator<SessionSummary> MOST_RECENT_FIRST = Comparator.comparing(SessionSummary::lastEvent,
                Comparator.nullsLast(Comparator.reverseOrder()));

        static SessionSummary of(SessionActivity activity) {
            return new SessionSummary(activity.sessionKey(), activity.user(), activity.firstEvent(), activity.lastEvent(),
                    activity.totalActiveSeconds(), activity.blocks().size());
        }
    }

    /**
     * {@code GET /sessions?user=} or {@code ?prefix=}: most recent last event first; {@code unavailable} names
     * instances that did not answer. Only the filter asked for is written.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionList(String user, String prefix, List<SessionSummary> sessions, List<String> unavailable) {
    }
}
