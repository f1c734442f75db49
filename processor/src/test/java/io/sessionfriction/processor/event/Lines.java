package io.sessionfriction.processor.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.Json;

/** Minimal real-shaped transcript lines for unit tests (the full builders live in topology-tests). */
public final class Lines {

    public static final Instant T0 = Instant.parse("2026-02-11T20:00:00Z");

    private Lines() {
    }

    public static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode userPrompt(String text, Instant at) {
        return json("""
                {"type":"user","uuid":"u-%s","sessionId":"sess","timestamp":"%s","cwd":"/home/a",
                 "message":{"role":"user","content":"%s"}}""".formatted(at.toEpochMilli(), at, text));
    }

    public static JsonNode bashToolUse(String id, String command, Instant at) {
        return json("""
                {"type":"assistant","uuid":"a-%s","timestamp":"%s","message":{"role":"assistant","content":[
                 {"type":"tool_use","id":"%s","name":"Bash","input":{"command":"%s","description":"Run it"}}]}}"""
                .formatted(id, at, id, command));
    }

    public static JsonNode bashProgress(String toolUseId, long elapsed, Instant at) {
        return json("""
                {"type":"progress","uuid":"p-%s-%d","timestamp":"%s","parentToolUseID":"%s","toolUseID":"bash-progress-0",
                 "data":{"type":"bash_progress","output":"","fullOutput":"","elapsedTimeSeconds":%d}}"""
                .formatted(toolUseId, elapsed, at, toolUseId, elapsed));
    }

    /** A Bash result: {@code toolUseResult} is a dict on success and a plain string on error. */
    public static JsonNode toolResult(String toolUseId, String content, boolean isError, String toolUseResult, Instant at) {
        return json("""
                {"type":"user","uuid":"r-%s","timestamp":"%s","message":{"role":"user","content":[
                 {"tool_use_id":"%s","type":"tool_result","content":%s,"is_error":%s}]},"toolUseResult":%s}"""
                .formatted(toolUseId, at, toolUseId, Json.MAPPER.valueToTree(content), isError, toolUseResult));
    }

    public static SessionEvent event(JsonNode line) {
        EventKind kind = EventClassifier.classify(line);
        Instant at = EventTime.of(line, kind) instanceof EventTime.At time ? time.instant() : null;
        return new SessionEvent("s1", "alice", kind, at, line);
    }
}
