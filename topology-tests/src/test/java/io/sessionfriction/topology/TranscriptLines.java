package io.sessionfriction.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builders of realistic transcript lines, shaped as docs/transcript-format.md describes them:
 * {@code aUserPrompt("sync the data").at(T0)}, {@code aBashToolUse("rsync -a src dst").id("toolu_1")},
 * {@code aBashProgress("toolu_1").elapsed(11)}, {@code aBashError("toolu_1", 23, "rsync error")}.
 * Every line gets a fresh uuid and the time {@link #T0} unless told otherwise. Lines are immutable:
 * each method returns a changed copy.
 */
public final class TranscriptLines {

    /** The fixed base time of the specifications. */
    public static final Instant T0 = Instant.parse("2026-02-11T20:00:00Z");
    public static final String SESSION_ID = "258c7280-ae70-4798-800f-63464d01a85d";
    public static final String CWD = "/home/analyst/projects/churn";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong NEXT_UUID = new AtomicLong();

    private TranscriptLines() {
    }

    /** A user line with typed text (string content). */
    public static Line aUserPrompt(String text) {
        ObjectNode line = envelope("user");
        message(line, "user").put("content", text);
        return new Line(line);
    }

    /** The user line after a compaction: "This session is being continued ..." with isCompactSummary. */
    public static Line aCompactSummary() {
        return aUserPrompt("This session is being continued from a previous conversation that ran out of context. "
                + "The conversation is summarized below:").with("isCompactSummary", true);
    }

    public static Line anAssistantText(String text) {
        ObjectNode line = envelope("assistant");
        assistantBlock(line).put("type", "text").put("text", text);
        return new Line(line);
    }

    public static Line aThinking(String thinking) {
        ObjectNode line = envelope("assistant");
        assistantBlock(line).put("type", "thinking").put("thinking", thinking);
        return new Line(line);
    }

    /** A tool_use of any tool; add input with {@link Line#input(String, String)}. */
    public static Line aToolUse(String toolName) {
        ObjectNode line = envelope("assistant");
        ObjectNode block = assistantBlock(line).put("type", "tool_use").put("id", "toolu_" + nextUuid().substring(0, 8))
                .put("name", toolName);
        block.putObject("input");
        return new Line(line);
    }

    /** A Bash tool_use with its command, a description and a 2-minute timeout. */
    public static Line aBashToolUse(String command) {
        return aToolUse("Bash").input("command", command).input("description", "Run a command")
                .input("timeout", 120000);
    }

    /** A successful tool_result: string content, toolUseResult a dict. */
    public static Line aToolResult(String toolUseId, String content) {
        ObjectNode line = envelope("user");
        ObjectNode block = message(line, "user").putArray("content").addObject();
        block.put("tool_use_id", toolUseId).put("type", "tool_result").put("content", content).put("is_error", false);
        ObjectNode result = line.putObject("toolUseResult");
        result.put("stdout", content).put("stderr", "").put("interrupted", false).put("isImage", false);
        return new Line(line);
    }

    /** A failed tool_result: is_error true and a plain string toolUseResult, as errors are written. */
    public static Line aToolError(String toolUseId, String errorText) {
        Line line = aToolResult(toolUseId, errorText);
        ObjectNode node = line.node();
        ((ObjectNode) node.path("message").path("content").get(0)).put("is_error", true);
        node.put("toolUseResult", "Error: " + errorText);
        return new Line(node);
    }

    /** A Bash command that exited non-zero: "Exit code N" then its output. */
    public static Line aBashError(String toolUseId, int exitCode, String output) {
        return aToolError(toolUseId, "Exit code " + exitCode + "\n" + output);
    }

    /** A Bash command moved to the background at its timeout: not an error. */
    public static Line aBackgroundedResult(String toolUseId, String taskId) {
        Line line = aToolResult(toolUseId, "Command running in background with ID: " + taskId
                + ". Output is being written to: /tmp/claude-1000/tasks/" + taskId + ".output");
        ObjectNode node = line.node();
        ((ObjectNode) node.path("toolUseResult")).put("stdout", "").put("backgroundTaskId", taskId);
        return new Line(node);
    }

    /** A Bash command the user interrupted: interrupted:true in toolUseResult. */
    public static Line anInterruptedResult(String toolUseId) {
        Line line = aToolError(toolUseId, "[Request interrupted by user for tool use]");
        ObjectNode node = line.node();
        ObjectNode result = node.putObject("toolUseResult");
        result.put("stdout", "").put("stderr", "").put("interrupted", true).put("isImage", false);
        return new Line(node);
    }

    /** A tool call the user refused at its permission prompt, as Claude Code writes it. */
    public static Line aRejectedToolUse(String toolUseId) {
        Line line = aToolError(toolUseId, "The user doesn't want to proceed with this tool use. The tool use was rejected "
                + "(eg. if it was a file edit, the new_string was NOT written to the file). STOP what you are doing and wait "
                + "for the user to tell you how to proceed.");
        return line.with("toolUseResult", "User rejected tool use");
    }

    /** One bash_progress of the command {@code toolUseId}; set the cumulative elapsed with {@link Line#elapsed(long)}. */
    public static Line aBashProgress(String toolUseId) {
        ObjectNode line = envelope("progress");
        line.putObject("data").put("type", "bash_progress").put("output", "").put("fullOutput", "")
                .put("elapsedTimeSeconds", 2).put("totalLines", 0).put("timeoutMs", 120000);
        line.put("toolUseID", "bash-progress-0").put("parentToolUseID", toolUseId);
        return new Line(line);
    }

    public static Line aHookProgress(String hookEvent, String toolUseId) {
        ObjectNode line = envelope("progress");
        line.putObject("data").put("type", "hook_progress").put("hookEvent", hookEvent)
                .put("hookName", hookEvent + ":Bash").put("command", "${CLAUDE_PLUGIN_ROOT}/hooks/check.sh");
        line.put("toolUseID", toolUseId).put("parentToolUseID", toolUseId);
        return new Line(line);
    }

    /** The Stop hook Claude Code runs when the agent ends its turn (its id names no tool call). */
    public static Line aStopHook() {
        ObjectNode line = envelope("progress");
        line.putObject("data").put("type", "hook_progress").put("hookEvent", "Stop").put("hookName", "Stop")
                .put("command", "${CLAUDE_PLUGIN_ROOT}/hooks/stop.sh");
        String id = "toolu_" + nextUuid().substring(0, 8);
        line.put("toolUseID", id).put("parentToolUseID", id);
        return new Line(line);
    }

    /** The system line Claude Code writes when a turn ends, with its duration. */
    public static Line aTurnDuration() {
        return new Line(envelope("system").put("subtype", "turn_duration").put("durationMs", 42000));
    }

    /** A SessionStart hook: {@code source} is startup, resume, compact or clear (a context cleared to approve a plan). */
    public static Line aSessionStartHook(String source) {
        ObjectNode line = envelope("progress");
        line.putObject("data").put("type", "hook_progress").put("hookEvent", "SessionStart").put("hookName", "SessionStart:" + source)
                .put("command", "${CLAUDE_PLUGIN_ROOT}/hooks/start.sh");
        String id = "toolu_" + nextUuid().substring(0, 8);
        line.put("toolUseID", id).put("parentToolUseID", id);
        return new Line(line);
    }

    /** The answer to an AskUserQuestion call, as Claude Code writes it. */
    public static Line anAnswer(String toolUseId, String question, String answer) {
        return aToolResult(toolUseId, "User has answered your questions: \"" + question + "\"=\"" + answer
                + "\". You can now continue with the user's answers in mind.");
    }

    /** A TaskOutput call waiting (block) for background task {@code taskId}. */
    public static Line aTaskOutputWait(String taskId) {
        return aToolUse("TaskOutput").input("task_id", taskId).input("timeout", 120000);
    }

    /** TaskOutput's result: {@code status} is timeout (the task still runs) or success. */
    public static Line aTaskOutputResult(String toolUseId, String taskId, String status) {
        Line line = aToolResult(toolUseId, "<retrieval_status>" + status + "</retrieval_status>\n\n<task_id>" + taskId
                + "</task_id>\n\n<task_type>local_bash</task_type>");
        ObjectNode node = line.node();
        ObjectNode result = node.putObject("toolUseResult").put("retrieval_status", status);
        result.putObject("task").put("task_id", taskId).put("task_type", "local_bash")
                .put("status", "timeout".equals(status) ? "running" : "completed");
        return new Line(node);
    }

    /** A system api_error line (status 529 = overloaded), with its retry attempt. */
    public static Line anApiError(int status) {
        ObjectNode line = envelope("system").put("subtype", "api_error").put("level", "error");
        ObjectNode error = line.putObject("error").put("status", status);
        error.putObject("error").put("type", "overloaded_error").put("message", "Overloaded");
        line.put("retryAttempt", 1).put("maxRetries", 10).put("retryInMs", 1000);
        return new Line(line);
    }

    public static Line aCompactBoundary() {
        return aCompactBoundary("auto");
    }

    /** A compaction: {@code trigger} auto (the context ran out) or manual (a /compact the analyst chose). */
    public static Line aCompactBoundary(String trigger) {
        ObjectNode line = envelope("system").put("subtype", "compact_boundary").put("content", "Conversation compacted");
        line.putNull("parentUuid");
        line.putObject("compactMetadata").put("trigger", trigger).put("preTokens", 167000);
        return new Line(line);
    }

    /** A session title line: no timestamp, uuid or sessionId. */
    public static Line aSummary(String title) {
        ObjectNode line = JSON.createObjectNode().put("type", "summary").put("summary", title).put("leafUuid", nextUuid());
        return new Line(line);
    }

    /** A file-history-snapshot: no top-level timestamp, uuid or sessionId. */
    public static Line aFileHistorySnapshot() {
        ObjectNode line = JSON.createObjectNode().put("type", "file-history-snapshot").put("messageId", nextUuid());
        line.putObject("snapshot").put("messageId", nextUuid()).put("timestamp", T0.toString())
                .putObject("trackedFileBackups");
        line.put("isSnapshotUpdate", false);
        return new Line(line);
    }

    /** A queue-operation: has a timestamp, no uuid. */
    public static Line aQueueOperation(String content) {
        ObjectNode line = JSON.createObjectNode().put("type", "queue-operation").put("operation", "enqueue")
                .put("timestamp", T0.toString()).put("sessionId", SESSION_ID).put("content", content);
        return new Line(line);
    }

    /** A line of a type this version does not know, with the usual envelope. */
    public static Line anUnknownLine(String type) {
        return new Line(envelope(type));
    }

    private static ObjectNode envelope(String type) {
        ObjectNode line = JSON.createObjectNode();
        line.put("parentUuid", nextUuid()).put("isSidechain", false).put("userType", "external").put("cwd", CWD)
                .put("sessionId", SESSION_ID).put("version", "2.1.39").put("gitBranch", "main")
                .put("type", type).put("uuid", nextUuid()).put("timestamp", T0.toString());
        return line;
    }

    private static ObjectNode message(ObjectNode line, String role) {
        return line.putObject("message").put("role", role);
    }

    private static ObjectNode assistantBlock(ObjectNode line) {
        ObjectNode message = message(line, "assistant").put("model", "claude-opus-4-6").put("id", "msg_" + nextUuid().substring(0, 8))
                .put("type", "message");
        ArrayNode content = message.putArray("content");
        return content.addObject();
    }

    private static String nextUuid() {
        return UUID.nameUUIDFromBytes(("line-" + NEXT_UUID.incrementAndGet()).getBytes()).toString();
    }

    /** One transcript line under construction. */
    public static final class Line {

        private final ObjectNode node;

        private Line(ObjectNode node) {
            this.node = node;
        }

        public Line at(Instant timestamp) {
            return with("timestamp", timestamp.toString());
        }

        /** At {@link #T0} plus the given offset: {@code .after(Duration.ofMinutes(3))}. */
        public Line after(Duration sinceT0) {
            return at(T0.plus(sinceT0));
        }

        public Line uuid(String uuid) {
            return with("uuid", uuid);
        }

        public Line parentUuid(String parentUuid) {
            return with("parentUuid", parentUuid);
        }

        public Line sessionId(String sessionId) {
            return with("sessionId", sessionId);
        }

        public Line cwd(String cwd) {
            return with("cwd", cwd);
        }

        /** The tool_use block's id. */
        public Line id(String toolUseId) {
            ObjectNode copy = node();
            ((ObjectNode) copy.path("message").path("content").get(0)).put("id", toolUseId);
            return new Line(copy);
        }

        public Line description(String description) {
            return input("description", description);
        }

        public Line input(String field, String value) {
            ObjectNode copy = node();
            ((ObjectNode) copy.path("message").path("content").get(0).path("input")).put(field, value);
            return new Line(copy);
        }

        public Line input(String field, long value) {
            ObjectNode copy = node();
            ((ObjectNode) copy.path("message").path("content").get(0).path("input")).put(field, value);
            return new Line(copy);
        }

        /** bash_progress: the cumulative elapsedTimeSeconds (and toolUseID bash-progress-N to match). */
        public Line elapsed(long seconds) {
            ObjectNode copy = node();
            ((ObjectNode) copy.path("data")).put("elapsedTimeSeconds", seconds);
            copy.put("toolUseID", "bash-progress-" + Math.max(0, seconds - 2));
            return new Line(copy);
        }

        /** bash_progress: the output so far ({@code fullOutput}) and its tail ({@code output}). */
        public Line output(String fullOutput) {
            ObjectNode copy = node();
            ((ObjectNode) copy.path("data")).put("fullOutput", fullOutput).put("output", fullOutput);
            return new Line(copy);
        }

        /** bash_progress: the output so far ({@code fullOutput}) and the tail of it the line shows ({@code output}). */
        public Line output(String fullOutput, String tail) {
            ObjectNode copy = node();
            ((ObjectNode) copy.path("data")).put("fullOutput", fullOutput).put("output", tail);
            return new Line(copy);
        }

        /** A subagent's line: {@code isSidechain} and its {@code agentId}, in the parent's session. */
        public Line inSubagent(String agentId) {
            return with("isSidechain", true).with("agentId", agentId);
        }

        /** Sets a top-level field (string, number, boolean or JSON node). */
        public Line with(String field, Object value) {
            ObjectNode copy = node();
            copy.set(field, JSON.valueToTree(value));
            return new Line(copy);
        }

        public Line without(String field) {
            ObjectNode copy = node();
            copy.remove(field);
            return new Line(copy);
        }

        public String uuid() {
            return node.path("uuid").asText(null);
        }

        /** The tool_use id of a tool_use line. */
        public String toolUseId() {
            return node.path("message").path("content").path(0).path("id").asText(null);
        }

        public Instant timestamp() {
            JsonNode timestamp = node.path("timestamp");
            return timestamp.isTextual() ? Instant.parse(timestamp.asText()) : null;
        }

        /** A deep copy of the line as a JSON tree. */
        public ObjectNode node() {
            return node.deepCopy();
        }

        /** The line as written in a transcript: one JSON object, no newline. */
        public String json() {
            return node.toString();
        }

        @Override
        public String toString() {
            return json();
        }
    }
}
