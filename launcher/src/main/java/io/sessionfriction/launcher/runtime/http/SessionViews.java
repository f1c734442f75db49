package io.sessionfriction.launcher.runtime.http;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.activity.Block;

/** The JSON bodies of the session endpoints (documented in docs/operations.md). */
final class SessionViews {

    private SessionViews() {
    }

    /** {@code GET /sessions/{id}}. */
    record Session(String sessionKey, String user, double totalActiveSeconds, double wallClockSeconds,
                   Instant firstEvent, Instant lastEvent, List<Block> blocks, List<RunningCommand> runningCommands,
                   List<JsonNode> alerts, String servedBy) {
    }

    /**
     * A Bash command with no result yet. {@code elapsedSeconds} is the largest cumulative
     * {@code elapsedTimeSeconds} seen (null before its first progress line: commands under ~2 s have none).
     */
    record RunningCommand(String toolUseId, String command, String description, Long elapsedSeconds, long updates,
                          Instant firstEventAt, Instant lastEventAt) {
    }

    /** One entry of {@code GET /sessions?user=}. */
    record SessionSummary(String sessionKey, String user, Instant firstEvent, Instant lastEvent,
                          double totalActiveSeconds, int blocks) {
    }

    /** {@code GET /sessions?user=}: most recent last event first; {@code unavailable} names instances that did not answer. */
    record SessionList(String user, List<SessionSummary> sessions, List<String> unavailable) {
    }
}
