package io.sessionfriction.processor.rules;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;

/**
 * Enriched lines as the enrichment hands them to rules: {@code aToolError("Exit code 127\n...").command("tree")}.
 * Fields a kind would not carry stay null; the raw event holds what rules may read by JSON pointer.
 */
public final class AnEnrichedEvent {

    public static final Instant T0 = Instant.parse("2026-02-11T20:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventKind kind;
    private Instant timestamp = T0;
    private String uuid = "uuid-1";
    private String toolName;
    private String toolUseId;
    private String command;
    private String description;
    private Boolean isError;
    private String errorText;
    private String text;
    private Long elapsedSeconds;
    private ObjectNode raw = JSON.createObjectNode();

    private AnEnrichedEvent(EventKind kind) {
        this.kind = kind;
    }

    public static AnEnrichedEvent aUserPrompt(String text) {
        return new AnEnrichedEvent(EventKind.USER_PROMPT).text(text);
    }

    public static AnEnrichedEvent aBashToolUse(String toolUseId, String command) {
        AnEnrichedEvent event = new AnEnrichedEvent(EventKind.TOOL_USE).tool("Bash", toolUseId);
        event.command = command;
        event.description = "Run " + command;
        return event;
    }

    /** A successful Bash tool_result with this output. */
    public static AnEnrichedEvent aBashResult(String toolUseId, String command, String output) {
        AnEnrichedEvent event = aBashToolUse(toolUseId, command);
        event.kind = EventKind.TOOL_RESULT;
        event.isError = false;
        return event.text(output);
    }

    /** A failed Bash tool_result: the string toolUseResult is the error text. */
    public static AnEnrichedEvent aBashError(String toolUseId, String command, String error) {
        AnEnrichedEvent event = aBashResult(toolUseId, command, error);
        event.isError = true;
        event.errorText = "Error: " + error;
        return event;
    }

    /** A successful tool_result of a non-Bash tool (a Read returns the file's content). */
    public static AnEnrichedEvent aToolResult(String toolName, String content) {
        AnEnrichedEvent event = new AnEnrichedEvent(EventKind.TOOL_RESULT).tool(toolName, "toolu_" + toolName).text(content);
        event.isError = false;
        return event;
    }

    /** A failed tool_result of a non-Bash tool. */
    public static AnEnrichedEvent aToolError(String toolName, String error) {
        AnEnrichedEvent event = new AnEnrichedEvent(EventKind.TOOL_RESULT).tool(toolName, "toolu_" + toolName).text(error);
        event.isError = true;
        event.errorText = error;
        return event;
    }

    /** A bash_progress whose latest output is {@code output}: both its {@code data.output} tail and its {@code fullOutput}. */
    public static AnEnrichedEvent aBashProgress(String toolUseId, String command, long elapsed, String output) {
        return aBashProgress(toolUseId, command, elapsed, output, output);
    }

    /** A bash_progress whose output so far is {@code fullOutput}, of which this line added the tail {@code output}. */
    public static AnEnrichedEvent aBashProgress(String toolUseId, String command, long elapsed, String fullOutput, String output) {
        AnEnrichedEvent event = aBashToolUse(toolUseId, command);
        event.kind = EventKind.BASH_PROGRESS;
        event.elapsedSeconds = elapsed;
        event.raw.putObject("data").put("type", "bash_progress").put("output", output).put("fullOutput", fullOutput)
                .put("elapsedTimeSeconds", elapsed);
        return event.text(fullOutput);
    }

    public static AnEnrichedEvent aHookProgress(String hookEvent, String toolUseId) {
        AnEnrichedEvent event = new AnEnrichedEvent(EventKind.HOOK_PROGRESS).tool("Bash", toolUseId).text(hookEvent + ":Bash");
        event.raw.putObject("data").put("type", "hook_progress").put("hookEvent", hookEvent).put("hookName", hookEvent + ":Bash");
        return event;
    }

    public static AnEnrichedEvent anApiError(String errorText) {
        AnEnrichedEvent event = new AnEnrichedEvent(EventKind.API_ERROR).text(errorText);
        event.isError = true;
        event.errorText = errorText;
        event.raw.put("type", "system").put("subtype", "api_error");
        return event;
    }

    public static AnEnrichedEvent aCompactBoundary() {
        return aCompactBoundary("auto");
    }

    /** A compaction boundary; {@code trigger} is "auto" (the context ran out) or "manual" (a chosen /compact). */
    public static AnEnrichedEvent aCompactBoundary(String trigger) {
        AnEnrichedEvent event = new AnEnrichedEvent(EventKind.COMPACT_BOUNDARY).text("Conversation compacted");
        event.raw.put("type", "system").put("subtype", "compact_boundary");
        event.raw.putObject("compactMetadata").put("trigger", trigger).put("preTokens", 167000);
        return event;
    }

    public static AnEnrichedEvent aCompactSummary(String parentUuid) {
        AnEnrichedEvent event = new AnEnrichedEvent(EventKind.COMPACT_SUMMARY).text(
                "This session is being continued from a previous conversation that ran out of context.");
        event.raw.put("parentUuid", parentUuid);
        return event;
    }

    public static AnEnrichedEvent anAssistantText(String text) {
        return new AnEnrichedEvent(EventKind.ASSISTANT_TEXT).text(text);
    }

    public AnEnrichedEvent at(Instant time) {
        this.timestamp = time;
        return this;
    }

    public AnEnrichedEvent uuid(String id) {
        this.uuid = id;
        return this;
    }

    /** A field of the original line (isSidechain, isMeta, ...). */
    public AnEnrichedEvent raw(String field, boolean value) {
        this.raw.put(field, value);
        return this;
    }

    public AnEnrichedEvent text(String value) {
        this.text = value;
        return this;
    }

    private AnEnrichedEvent tool(String name, String id) {
        this.toolName = name;
        this.toolUseId = id;
        return this;
    }

    /** The line without signals, as the enrichment hands it to the matcher. */
    public EnrichedEvent build() {
        return build(List.of());
    }

    public EnrichedEvent build(List<EnrichedEvent.Signal> signals) {
        return new EnrichedEvent(EnrichedEvent.SCHEMA_VERSION, "session-1", "alice", "session-1", uuid, raw.path("type").asText(null),
                kind, timestamp, "/home/alice/churn", toolName, toolUseId, null, command,
                command == null ? null : command.replaceAll("\\d+", "N"), description, isError, errorText, text,
                elapsedSeconds, signals, null, T0, raw);
    }
}
