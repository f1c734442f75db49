package io.sessionfriction.processor.alert;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;

/**
 * Facts about one line that several detectors need, read in one place from docs/transcript-format.md:
 * which thread it belongs to, whether it ends the agent's turn, refusals, interrupts and knock-ons.
 */
final class LineFacts {

    static final String TOOL_INTERRUPT = "[Request interrupted by user for tool use]";
    static final String INTERRUPT = "[Request interrupted by user]";
    /** Tools whose call waits by design: for the analyst's answer, a plan review, a subagent or a background task. */
    static final Set<String> WAIT_BY_DESIGN = Set.of("AskUserQuestion", "ExitPlanMode", "EnterPlanMode", "TaskOutput", "BashOutput",
            "AgentOutputTool", "Task", "Agent");
    /** Tools whose call blocks on a background task. */
    static final Set<String> BACKGROUND_WAITERS = Set.of("TaskOutput", "BashOutput", "AgentOutputTool");

    private LineFacts() {
    }

    /** The conversation thread: the main agent, or the subagent that wrote the line. */
    static String thread(EnrichedEvent event) {
        JsonNode line = event.event();
        if (line == null || !line.path("isSidechain").asBoolean(false)) {
            return SessionContext.MAIN_THREAD;
        }
        return "agent:" + line.path("agentId").asText("");
    }

    /**
     * The agent's turn is over: its Stop hook ran, Claude Code wrote the turn's duration or stop summary,
     * or a new user line arrived (a prompt, an interrupt, a task notification, a slash command).
     */
    static boolean endsTurn(EnrichedEvent event) {
        return switch (event.kind()) {
            case USER_PROMPT -> !flag(event, "isMeta");
            case HOOK_PROGRESS -> "Stop".equals(field(event, "/data/hookEvent")) || "SubagentStop".equals(field(event, "/data/hookEvent"));
            case SYSTEM -> "turn_duration".equals(field(event, "/subtype")) || "stop_hook_summary".equals(field(event, "/subtype"));
            default -> false;
        };
    }

    /** The analyst refused the call at its permission prompt. */
    static boolean rejected(EnrichedEvent event) {
        if (event.kind() != EventKind.TOOL_RESULT || !Boolean.TRUE.equals(event.isError())) {
            return false;
        }
        String error = event.errorText() == null ? "" : event.errorText();
        return error.contains("doesn't want to proceed") || error.contains("User rejected tool use");
    }

    /** The analyst stopped the call while it ran. */
    static boolean interrupted(EnrichedEvent event) {
        return event.kind() == EventKind.TOOL_RESULT && event.event() != null
                && event.event().path("toolUseResult").path("interrupted").asBoolean(false);
    }

    /** "Sibling tool call errored": the knock-on of another call's failure in the same turn, not a failure of its own. */
    static boolean knockOn(EnrichedEvent event) {
        return event.errorText() != null && event.errorText().contains("Sibling tool call errored");
    }

    /** A failed step of the agent's own: an error result that is neither the analyst's refusal nor a knock-on. */
    static boolean failed(EnrichedEvent event) {
        return event.kind() == EventKind.TOOL_RESULT && Boolean.TRUE.equals(event.isError()) && !rejected(event)
                && !interrupted(event) && !knockOn(event) && !userText(event).startsWith("[Request interrupted");
    }

    /** A step that worked: no error, and no failure reported in its output (which only error-word rules signal on). */
    static boolean succeeded(EnrichedEvent event) {
        return event.kind() == EventKind.TOOL_RESULT && !Boolean.TRUE.equals(event.isError()) && !failureInOutput(event);
    }

    /** A result without an error whose output reports a failure: a pipe hid the exit code, or the program exits 0 on failure. */
    static boolean failureInOutput(EnrichedEvent event) {
        return event.kind() == EventKind.TOOL_RESULT && !Boolean.TRUE.equals(event.isError())
                && event.signals() != null && !event.signals().isEmpty();
    }

    static String userText(EnrichedEvent event) {
        return event.text() == null ? "" : event.text().strip();
    }

    static boolean flag(EnrichedEvent event, String field) {
        return event.event() != null && event.event().path(field).asBoolean(false);
    }

    static String field(EnrichedEvent event, String pointer) {
        if (event.event() == null) {
            return null;
        }
        JsonNode node = event.event().at(pointer);
        return node.isValueNode() ? node.asText() : null;
    }
}
