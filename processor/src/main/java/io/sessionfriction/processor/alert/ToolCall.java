package io.sessionfriction.processor.alert;

import java.util.HashSet;
import java.util.Set;

/**
 * What the stage remembers of one tool call (by toolUseId), so alerts on its result, hooks and progress
 * lines carry the command and description of the tool_use.
 *
 * @param slowAlertedBy the slow-command rules that already alerted on this call (once per call)
 * @param finished      its tool_result has arrived: a command that is done is no longer "still running"
 */
record ToolCall(String toolName, String command, String normalizedCommand, String description,
        Set<String> slowAlertedBy, boolean finished) {

    static final ToolCall UNKNOWN = new ToolCall(null, null, null, null, Set.of(), false);

    ToolCall {
        slowAlertedBy = slowAlertedBy == null ? Set.of() : Set.copyOf(slowAlertedBy);
    }

    ToolCall slowAlertedBy(String ruleId) {
        Set<String> rules = new HashSet<>(slowAlertedBy);
        rules.add(ruleId);
        return new ToolCall(toolName, command, normalizedCommand, description, rules, finished);
    }

    ToolCall finish() {
        return new ToolCall(toolName, command, normalizedCommand, description, slowAlertedBy, true);
    }

    /** Fields this line knows better (a tool_result names its tool), keeping what the tool_use told us. */
    ToolCall fillFrom(String toolName, String command, String normalizedCommand, String description) {
        return new ToolCall(first(this.toolName, toolName), first(this.command, command),
                first(this.normalizedCommand, normalizedCommand), first(this.description, description),
                slowAlertedBy, finished);
    }

    private static String first(String kept, String offered) {
        return kept != null ? kept : offered;
    }
}
