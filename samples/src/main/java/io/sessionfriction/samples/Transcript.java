package io.sessionfriction.samples;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes the lines of one session (or one subagent) into a transcript file, in the shapes measured in
 * docs/transcript-format.md: the envelope on every user/assistant/progress/system line, a {@code parentUuid}
 * chain, one content block per assistant line sharing {@code message.id}, Bash progress chained by
 * {@code parentUuid} and named by {@code parentToolUseID}, string {@code toolUseResult} on errors.
 * Time is a simulated clock that only the script moves; nothing reads the wall clock.
 */
final class Transcript {
    private static final String MODEL = "claude-opus-4-6";
    private static final String SUBAGENT_MODEL = "claude-sonnet-4-5-20250929";

    private final JsonlFile file;
    private final Ids ids;
    private final Envelope envelope;
    private final Timestamps timestamps = new Timestamps();
    private boolean hooks;
    private long now;
    private String lastUuid;
    private String messageId;
    private String requestId;

    Transcript(JsonlFile file, Ids ids, String sessionId, long startMillis) {
        this(file, ids, new Envelope(sessionId), startMillis);
    }

    private Transcript(JsonlFile file, Ids ids, Envelope envelope, long startMillis) {
        this.file = file;
        this.ids = ids;
        this.envelope = envelope;
        this.now = startMillis;
    }

    Transcript cwd(String value) {
        envelope.cwd(value);
        return this;
    }

    Transcript version(String value) {
        envelope.version(value);
        return this;
    }

    Transcript gitBranch(String value) {
        envelope.gitBranch(value);
        return this;
    }

    Transcript slug(String value) {
        envelope.slug(value);
        return this;
    }

    /** This user runs plugin hooks: PreToolUse/PostToolUse(Failure) hook_progress lines around each tool call. */
    Transcript withHooks() {
        hooks = true;
        return this;
    }

    String cwd() {
        return envelope.cwd();
    }

    long now() {
        return now;
    }

    /** The laptop is closed, or the user is away: no lines for this long. */
    void idle(Duration gap) {
        now += gap.toMillis();
    }

    void pause(double seconds) {
        now += Math.round(seconds * 1000);
    }

    /** The next line is stamped earlier than the previous one, as real files sometimes are. */
    void stepBack(Duration step) {
        now -= step.toMillis();
    }

    // ---- lines without the envelope --------------------------------------------------------------

    /** A session title; no timestamp, no sessionId, must not drive time. */
    void summary(String title, String leafUuid) throws IOException {
        file.line(json -> {
            json.writeStringField("type", "summary");
            json.writeStringField("summary", title);
            json.writeStringField("leafUuid", leafUuid);
        });
    }

    void queueOperation(String operation, String content) throws IOException {
        now += ids.between(20, 400);
        String time = timestamps.format(now);
        file.line(json -> {
            json.writeStringField("type", "queue-operation");
            json.writeStringField("operation", operation);
            json.writeStringField("timestamp", time);
            json.writeStringField("sessionId", envelope.sessionId());
            if (content != null) {
                json.writeStringField("content", content);
            }
        });
    }

    // ---- user lines -------------------------------------------------------------------------------

    /** The SessionStart hook's progress line that opens a session. */
    void sessionStart() throws IOException {
        String hookId = ids.uuid();
        hook("SessionStart", "SessionStart:startup", envelope.home() + "/.claude/hooks/tmux-waiting.sh clear", hookId);
    }

    /** A typed prompt, preceded by its file-history-snapshot (which carries its time only inside). */
    void prompt(String text) throws IOException {
        now += ids.between(4_000, 25_000);
        String uuid = ids.uuid();
        String promptTime = timestamps.format(now);
        String snapshotTime = timestamps.format(now + ids.between(40, 120));
        if (!envelope.isSubagent()) {
            file.line(json -> {
                json.writeStringField("type", "file-history-snapshot");
                json.writeStringField("messageId", uuid);
                json.writeObjectFieldStart("snapshot");
                json.writeStringField("messageId", uuid);
                json.writeObjectFieldStart("trackedFileBackups");
                json.writeEndObject();
                json.writeStringField("timestamp", snapshotTime);
                json.writeEndObject();
                json.writeBooleanField("isSnapshotUpdate", false);
            });
        }
        String parent = lastUuid;
        file.line(json -> {
            envelope.write(json, parent, "user");
            json.writeObjectFieldStart("message");
            json.writeStringField("role", "user");
            json.writeStringField("content", text);
            json.writeEndObject();
            json.writeStringField("uuid", uuid);
            json.writeStringField("timestamp", promptTime);
            if (!envelope.isSubagent()) {
                json.writeObjectFieldStart("thinkingMetadata");
                json.writeNumberField("maxThinkingTokens", 31999);
                json.writeEndObject();
                json.writeArrayFieldStart("todos");
                json.writeEndArray();
                json.writeStringField("permissionMode", "default");
            }
        });
        chained(uuid);
    }

    /** A user message made of a text block, e.g. {@code [Request interrupted by user for tool use]}. */
    void userText(String text) throws IOException {
        now += ids.between(2, 30);
        String uuid = ids.uuid();
        String parent = lastUuid;
        String time = timestamps.format(now);
        file.line(json -> {
            envelope.write(json, parent, "user");
            json.writeObjectFieldStart("message");
            json.writeStringField("role", "user");
            json.writeArrayFieldStart("content");
            json.writeStartObject();
            json.writeStringField("type", "text");
            json.writeStringField("text", text);
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField("uuid", uuid);
            json.writeStringField("timestamp", time);
        });
        chained(uuid);
    }

    // ---- assistant lines --------------------------------------------------------------------------

    void say(String text) throws IOException {
        assistant(json -> {
            json.writeStringField("type", "text");
            json.writeStringField("text", text);
        });
    }

    void think(String text) throws IOException {
        assistant(json -> {
            json.writeStringField("type", "thinking");
            json.writeStringField("thinking", text);
            json.writeStringField("signature", "EpMCCkYIBRgCKkB" + ids.messageId().substring(6));
        });
    }

    /** Lines a writer slips in between a command's last progress line and its result. */
    @FunctionalInterface
    interface Interjection {
        void write() throws IOException;
    }

    /** Runs a Bash call: tool_use, hooks, one bash_progress per second from elapsed 2, then the tool_result. */
    void bash(Shell shell) throws IOException {
        bash(shell, () -> { });
    }

    void bash(Shell shell, Interjection afterProgress) throws IOException {
        ToolCall call = toolUse("Bash", json -> {
            json.writeStringField("command", shell.command());
            json.writeStringField("description", shell.description());
            if (shell.timeoutMs() != null) {
                json.writeNumberField("timeout", shell.timeoutMs());
            }
        });
        preToolUseHooks("Bash", call);
        long start = now + ids.between(3, 900);
        long end = start + Math.round(shell.seconds() * 1000);
        progress(shell, call.id(), start, end);
        afterProgress.write();
        now = end;
        bashResult(shell, call);
    }

    void read(String path, String content) throws IOException {
        ToolCall call = toolUse("Read", json -> json.writeStringField("file_path", path));
        preToolUseHooks("Read", call);
        now += ids.between(5, 60);
        String numbered = numbered(content);
        int lineCount = content.split("\n", -1).length;
        postToolUseHooks("PostToolUse", "Read", call);
        toolResult(call, numbered, false, json -> {
            json.writeObjectFieldStart("toolUseResult");
            json.writeStringField("type", "text");
            json.writeObjectFieldStart("file");
            json.writeStringField("filePath", path);
            json.writeStringField("content", content);
            json.writeNumberField("numLines", lineCount);
            json.writeNumberField("startLine", 1);
            json.writeNumberField("totalLines", lineCount);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    void edit(String path, String oldString, String newString) throws IOException {
        ToolCall call = editCall(path, oldString, newString);
        preToolUseHooks("Edit", call);
        now += ids.between(20, 200);
        postToolUseHooks("PostToolUse", "Edit", call);
        toolResult(call, "The file " + path + " has been updated successfully.", false, json -> {
            json.writeObjectFieldStart("toolUseResult");
            json.writeStringField("filePath", path);
            json.writeStringField("oldString", oldString);
            json.writeStringField("newString", newString);
            json.writeBooleanField("replaceAll", false);
            json.writeBooleanField("userModified", false);
            json.writeEndObject();
        });
    }

    /** An Edit the tool refuses: a {@code <tool_use_error>} result with a string toolUseResult. */
    void editRejected(String path, String oldString, String newString, String error) throws IOException {
        ToolCall call = editCall(path, oldString, newString);
        now += ids.between(5, 40);
        postToolUseHooks("PostToolUseFailure", "Edit", call);
        toolResult(call, "<tool_use_error>" + error + "</tool_use_error>", true,
                json -> json.writeStringField("toolUseResult", "Error: " + error));
    }

    private ToolCall editCall(String path, String oldString, String newString) throws IOException {
        return toolUse("Edit", json -> {
            json.writeStringField("file_path", path);
            json.writeStringField("old_string", oldString);
            json.writeStringField("new_string", newString);
            json.writeBooleanField("replace_all", false);
        });
    }

    /** Delegates to a subagent whose lines go to its own file; returns the subagent's transcript to script. */
    Transcript subagent(JsonlFile subagentFile, String subagentId) {
        Transcript sub = new Transcript(subagentFile, ids, envelope.forSubagent(subagentId), now);
        sub.hooks = hooks;
        return sub;
    }

    /** A Task call in flight: its subagent writes to its own file before the result comes back. */
    record TaskCall(ToolCall call, String prompt) {}

    /** The Task tool_use that starts a subagent; call {@link #taskResult} once the subagent's script has run. */
    TaskCall task(String description, String taskPrompt) throws IOException {
        ToolCall call = toolUse("Task", json -> {
            json.writeStringField("description", description);
            json.writeStringField("prompt", taskPrompt);
            json.writeStringField("subagent_type", "Explore");
        });
        return new TaskCall(call, taskPrompt);
    }

    void taskResult(TaskCall task, Transcript sub, String report) throws IOException {
        long startedAt = now;
        now = Math.max(now, sub.now) + ids.between(50, 400);
        long durationMs = now - startedAt;
        postToolUseHooks("PostToolUse", "Task", task.call());
        String uuid = ids.uuid();
        String parent = task.call().line();
        String time = timestamps.format(now);
        file.line(json -> {
            envelope.write(json, parent, "user");
            json.writeObjectFieldStart("message");
            json.writeStringField("role", "user");
            json.writeArrayFieldStart("content");
            json.writeStartObject();
            json.writeStringField("tool_use_id", task.call().id());
            json.writeStringField("type", "tool_result");
            json.writeArrayFieldStart("content");
            json.writeStartObject();
            json.writeStringField("type", "text");
            json.writeStringField("text", report);
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField("uuid", uuid);
            json.writeStringField("timestamp", time);
            json.writeObjectFieldStart("toolUseResult");
            json.writeStringField("status", "completed");
            json.writeStringField("prompt", task.prompt());
            json.writeStringField("agentId", sub.envelope.agentId());
            json.writeArrayFieldStart("content");
            json.writeStartObject();
            json.writeStringField("type", "text");
            json.writeStringField("text", report);
            json.writeEndObject();
            json.writeEndArray();
            json.writeNumberField("totalDurationMs", durationMs);
            json.writeNumberField("totalTokens", ids.between(8_000, 40_000));
            json.writeNumberField("totalToolUseCount", ids.between(2, 9));
            json.writeEndObject();
            json.writeStringField("sourceToolAssistantUUID", parent);
        });
        chained(uuid);
    }

    // ---- system lines -----------------------------------------------------------------------------

    /** The API was overloaded and Claude Code retries: {@code error.status} 529 with {@code retryAttempt}. */
    void apiError(int retryAttempt) throws IOException {
        now += ids.between(600, 3_000);
        double retryInMs = 500.0 * (1 << Math.min(retryAttempt - 1, 6)) + ids.between(0, 250) / 10.0;
        system("api_error", json -> {
            json.writeStringField("level", "error");
            json.writeObjectFieldStart("error");
            json.writeNumberField("status", 529);
            json.writeObjectFieldStart("headers");
            json.writeEndObject();
            json.writeNullField("requestID");
            json.writeObjectFieldStart("error");
            json.writeStringField("type", "error");
            json.writeObjectFieldStart("error");
            json.writeStringField("type", "overloaded_error");
            json.writeStringField("message", "Overloaded");
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            json.writeNumberField("retryInMs", retryInMs);
            json.writeNumberField("retryAttempt", retryAttempt);
            json.writeNumberField("maxRetries", 10);
        });
    }

    /** Context ran out: a compact_boundary (parentUuid null) and the continuation summary as a user line. */
    void compact(String trigger, int preTokens, String summaryText) throws IOException {
        now += ids.between(30_000, 120_000);
        String boundary = ids.uuid();
        String logicalParent = lastUuid;
        String time = timestamps.format(now);
        file.line(json -> {
            envelope.write(json, null, null);
            json.writeStringField("logicalParentUuid", logicalParent);
            json.writeStringField("type", "system");
            json.writeStringField("subtype", "compact_boundary");
            json.writeStringField("content", "Conversation compacted");
            json.writeBooleanField("isMeta", false);
            json.writeStringField("timestamp", time);
            json.writeStringField("uuid", boundary);
            json.writeStringField("level", "info");
            json.writeObjectFieldStart("compactMetadata");
            json.writeStringField("trigger", trigger);
            json.writeNumberField("preTokens", preTokens);
            json.writeEndObject();
        });
        String summaryUuid = ids.uuid();
        file.line(json -> {
            envelope.write(json, boundary, "user");
            json.writeObjectFieldStart("message");
            json.writeStringField("role", "user");
            json.writeStringField("content", "This session is being continued from a previous conversation that ran "
                    + "out of context. The summary below covers the earlier portion of the conversation.\n\n"
                    + summaryText);
            json.writeEndObject();
            json.writeBooleanField("isVisibleInTranscriptOnly", true);
            json.writeBooleanField("isCompactSummary", true);
            json.writeStringField("uuid", summaryUuid);
            json.writeStringField("timestamp", time);
        });
        chained(summaryUuid);
    }

    /** A finished turn: the stop hooks' summary and the turn's duration. */
    void turnDuration(long durationMs) throws IOException {
        now += ids.between(5, 60);
        system("turn_duration", json -> {
            json.writeNumberField("durationMs", durationMs);
            json.writeBooleanField("isMeta", false);
        });
    }

    // ---- building blocks --------------------------------------------------------------------------

    /** One content block as one assistant line; the first line of an API message waits for the model. */
    private void assistant(JsonlFile.Fields block) throws IOException {
        if (messageId == null) {
            messageId = ids.messageId();
            requestId = ids.requestId();
            now += ids.between(1_500, 4_000);
        } else {
            now += ids.between(300, 1_200);
        }
        String uuid = ids.uuid();
        String parent = lastUuid;
        String time = timestamps.format(now);
        String message = messageId;
        String request = requestId;
        int cacheCreation = ids.between(100, 9_000);
        int cacheRead = ids.between(15_000, 120_000);
        int outputTokens = ids.between(1, 400);
        file.line(json -> {
            envelope.write(json, parent, null);
            json.writeObjectFieldStart("message");
            json.writeStringField("model", envelope.isSubagent() ? SUBAGENT_MODEL : MODEL);
            json.writeStringField("id", message);
            json.writeStringField("type", "message");
            json.writeStringField("role", "assistant");
            json.writeArrayFieldStart("content");
            json.writeStartObject();
            block.write(json);
            json.writeEndObject();
            json.writeEndArray();
            json.writeNullField("stop_reason");
            json.writeNullField("stop_sequence");
            json.writeObjectFieldStart("usage");
            json.writeNumberField("input_tokens", 3);
            json.writeNumberField("cache_creation_input_tokens", cacheCreation);
            json.writeNumberField("cache_read_input_tokens", cacheRead);
            json.writeNumberField("output_tokens", outputTokens);
            json.writeStringField("service_tier", "standard");
            json.writeEndObject();
            json.writeEndObject();
            json.writeStringField("requestId", request);
            json.writeStringField("type", "assistant");
            json.writeStringField("uuid", uuid);
            json.writeStringField("timestamp", time);
        });
        chainedKeepingMessage(uuid);
    }

    /** A tool_use as seen by its result: the {@code toolu_} id and the uuid of the assistant line that holds it. */
    record ToolCall(String id, String line) {}

    private ToolCall toolUse(String name, JsonlFile.Fields input) throws IOException {
        String toolUseId = ids.toolUseId();
        assistant(json -> {
            json.writeStringField("type", "tool_use");
            json.writeStringField("id", toolUseId);
            json.writeStringField("name", name);
            json.writeObjectFieldStart("input");
            input.write(json);
            json.writeEndObject();
            json.writeObjectFieldStart("caller");
            json.writeStringField("type", "direct");
            json.writeEndObject();
        });
        return new ToolCall(toolUseId, lastUuid);
    }

    private void preToolUseHooks(String tool, ToolCall call) throws IOException {
        if (hooks) {
            now += ids.between(2, 5);
            hook("PreToolUse", "PreToolUse:" + tool, "cd ${CLAUDE_PLUGIN_ROOT}/hooks && bun run ./guardian.ts", call.id());
        }
    }

    /**
     * Post-tool hooks are written before the tool_result but stamped a few ms after it, as in real files:
     * one of the ordinary small backward steps in file order.
     */
    private void postToolUseHooks(String event, String tool, ToolCall call) throws IOException {
        if (hooks) {
            long resultTime = now;
            now += ids.between(2, 6);
            String command = event.equals("PostToolUseFailure")
                    ? "cd ${CLAUDE_PLUGIN_ROOT}/hooks && bun run ./post-bash-failure-log.ts"
                    : "${CLAUDE_PLUGIN_ROOT}/scripts/tool-call-capture.sh";
            hook(event, event + ":" + tool, command, call.id());
            now = resultTime;
        }
    }

    private void hook(String event, String name, String command, String toolUseId) throws IOException {
        String uuid = ids.uuid();
        String parent = lastUuid;
        String time = timestamps.format(now);
        file.line(json -> {
            envelope.write(json, parent, "progress");
            json.writeObjectFieldStart("data");
            json.writeStringField("type", "hook_progress");
            json.writeStringField("hookEvent", event);
            json.writeStringField("hookName", name);
            json.writeStringField("command", command);
            json.writeEndObject();
            json.writeStringField("parentToolUseID", toolUseId);
            json.writeStringField("toolUseID", toolUseId);
            json.writeStringField("timestamp", time);
            json.writeStringField("uuid", uuid);
        });
        chainedKeepingMessage(uuid);
    }

    /**
     * One bash_progress per second, elapsed counted from the command's start beginning at 2; each line's
     * parentUuid is the previous progress line; output so far is revealed in proportion to elapsed time.
     */
    private void progress(Shell shell, String toolUseId, long start, long end) throws IOException {
        int lastElapsed = (int) ((end - start) / 1000);
        if (shell.outcome() instanceof Shell.Backgrounded) {
            lastElapsed--;
        }
        ProgressOutput output = new ProgressOutput(shell.output(), end - start);
        int timeoutMs = shell.effectiveTimeoutMs();
        for (int second = 2; second <= lastElapsed; second++) {
            int elapsed = second;
            now = start + elapsed * 1000L + ids.between(0, 9);
            ProgressOutput.Window window = output.at(elapsed);
            String uuid = ids.uuid();
            String parent = lastUuid;
            String time = timestamps.format(now);
            file.line(json -> {
                envelope.write(json, parent, "progress");
                json.writeObjectFieldStart("data");
                json.writeStringField("type", "bash_progress");
                window.writeFields(json);
                json.writeNumberField("elapsedTimeSeconds", elapsed);
                json.writeNumberField("totalLines", window.lines());
                json.writeNumberField("timeoutMs", timeoutMs);
                json.writeEndObject();
                json.writeStringField("toolUseID", "bash-progress-" + (elapsed - 2));
                json.writeStringField("parentToolUseID", toolUseId);
                json.writeStringField("uuid", uuid);
                json.writeStringField("timestamp", time);
            });
            chainedKeepingMessage(uuid);
        }
    }

    private void bashResult(Shell shell, ToolCall call) throws IOException {
        Shell.Outcome outcome = shell.outcome();
        String output = shell.output();
        if (outcome instanceof Shell.Failed failed) {
            String text = "Exit code " + failed.exitCode() + (output.isEmpty() ? "" : "\n" + output);
            postToolUseHooks("PostToolUseFailure", "Bash", call);
            toolResult(call, text, true, json -> json.writeStringField("toolUseResult", "Error: " + text));
        } else if (outcome instanceof Shell.Backgrounded background) {
            String text = "Command running in background with ID: " + background.taskId()
                    + ". Output is being written to: " + taskOutputPath(background.taskId());
            postToolUseHooks("PostToolUse", "Bash", call);
            toolResult(call, text, false, json -> bashResultFields(json, "", false, background.taskId()));
        } else if (outcome instanceof Shell.Interrupted) {
            toolResult(call, "[Request interrupted by user for tool use]", true,
                    json -> bashResultFields(json, output, true, null));
        } else {
            postToolUseHooks("PostToolUse", "Bash", call);
            toolResult(call, output, false, json -> bashResultFields(json, output, false, null));
        }
    }

    private static void bashResultFields(JsonGenerator json, String stdout, boolean interrupted, String backgroundTaskId)
            throws IOException {
        json.writeObjectFieldStart("toolUseResult");
        json.writeStringField("stdout", stdout);
        json.writeStringField("stderr", "");
        json.writeBooleanField("interrupted", interrupted);
        json.writeBooleanField("isImage", false);
        json.writeBooleanField("noOutputExpected", false);
        if (backgroundTaskId != null) {
            json.writeStringField("backgroundTaskId", backgroundTaskId);
        }
        json.writeEndObject();
    }

    /** The tool_result user line: its parentUuid is the tool_use line, whatever progress came between. */
    private void toolResult(ToolCall call, String content, boolean isError, JsonlFile.Fields toolUseResult)
            throws IOException {
        String uuid = ids.uuid();
        String time = timestamps.format(now);
        file.line(json -> {
            envelope.write(json, call.line(), "user");
            json.writeObjectFieldStart("message");
            json.writeStringField("role", "user");
            json.writeArrayFieldStart("content");
            json.writeStartObject();
            json.writeStringField("tool_use_id", call.id());
            json.writeStringField("type", "tool_result");
            json.writeStringField("content", content);
            json.writeBooleanField("is_error", isError);
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField("uuid", uuid);
            json.writeStringField("timestamp", time);
            toolUseResult.write(json);
            json.writeStringField("sourceToolAssistantUUID", call.line());
        });
        chained(uuid);
    }

    private void system(String subtype, JsonlFile.Fields fields) throws IOException {
        String uuid = ids.uuid();
        String parent = lastUuid;
        String time = timestamps.format(now);
        file.line(json -> {
            envelope.write(json, parent, "system");
            json.writeStringField("subtype", subtype);
            fields.write(json);
            json.writeStringField("timestamp", time);
            json.writeStringField("uuid", uuid);
        });
        chainedKeepingMessage(uuid);
    }

    /** A user line ends the assistant's API message: the next assistant line starts a new message.id. */
    private void chained(String uuid) {
        lastUuid = uuid;
        messageId = null;
    }

    private void chainedKeepingMessage(String uuid) {
        lastUuid = uuid;
    }

    private String taskOutputPath(String taskId) {
        return "/tmp/claude-1000/" + envelope.cwd().replace('/', '-') + "/tasks/" + taskId + ".output";
    }

    private static String numbered(String content) {
        String[] lines = content.split("\n", -1);
        StringBuilder text = new StringBuilder(content.length() + lines.length * 8);
        for (int i = 0; i < lines.length; i++) {
            text.append(String.format(Locale.ROOT, "%6d\u2192", i + 1)).append(lines[i]).append('\n');
        }
        return text.toString();
    }
}
