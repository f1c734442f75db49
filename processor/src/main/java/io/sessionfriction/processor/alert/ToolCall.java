package io.sessionfriction.processor.alert;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the stage remembers of one tool call (by toolUseId), so alerts on its result, hooks and progress
 * lines carry the command and description of the tool_use.
 *
 * The entry lives from the tool_use to its tool_result (store {@code alert-tool-calls}), so the store
 * holds only calls in flight.
 *
 * @param slowAlertedBy the slow-command rules that already alerted on this call (once per call)
 */
record ToolCall(String toolName, String command, String normalizedCommand, String description, Set<String> slowAlertedBy) {

    static final ToolCall UNKNOWN = new ToolCall(null, null, null, null, Set.of());

    ToolCall {
        // Sorted, not Set.copyOf: the stored bytes must not depend on the JVM run.
        slowAlertedBy = slowAlertedBy == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(slowAlertedBy));
    }

    ToolCall slowAlertedBy(String ruleId) {
        Set<String> rules = new TreeSet<>(slowAlertedBy);
        rules.add(ruleId);
        return new ToolCall(toolName, command, normalizedCommand, description, rules);
    }

    /** Fields this line knows better (a tool_result names its tool), keeping what the tool_use told us. */
    ToolCall fillFrom(String toolName, String command, String normalizedCommand, String description) {
        return new ToolCall(first(this.toolName, toolName), first(this.command, command),
                first(this.normalizedCommand, normalizedCommand), first(this.description, description),
                slowAlertedBy);
    }

    private static String first(String kept, String offered) {
        return kept != null ? kept : offered;
    }
}
