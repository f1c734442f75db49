package io.sessionfriction.processor.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the stage remembers of one tool call (by toolUseId), so alerts on its result, hooks and progress
 * lines carry the command and description of the tool_use, and the waits before it started can be told.
 *
 * The entry lives from the tool_use to its tool_result (store {@code alert-tool-calls}), so the store
 * holds only calls in flight.
 *
 * @param slowAlertedBy the slow-command rules that already alerted on this call (once per call)
 * @param usedAt        event time of the tool_use line
 * @param preHookAt     event time of the call's latest PreToolUse hook line (hooks run just before the call may start)
 * @param startedAt     when the command started: a progress line's time minus its elapsed seconds
 * @param taskId        the background task a TaskOutput call waits for
 */
record ToolCall(String toolName, String command, String normalizedCommand, String description, Set<String> slowAlertedBy,
                Instant usedAt, Instant preHookAt, Instant startedAt, String taskId) {

    static final ToolCall UNKNOWN = new ToolCall(null, null, null, null, Set.of(), null, null, null, null);

    ToolCall {
        // Sorted, not Set.copyOf: the stored bytes must not depend on the JVM run.
        slowAlertedBy = slowAlertedBy == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(slowAlertedBy));
    }

    ToolCall slowAlertedBy(String ruleId) {
        Set<String> rules = new TreeSet<>(slowAlertedBy);
        rules.add(ruleId);
        return new ToolCall(toolName, command, normalizedCommand, description, rules, usedAt, preHookAt, startedAt, taskId);
    }

    /** Fields this line knows better (a tool_result names its tool), keeping what the tool_use told us. */
    ToolCall fillFrom(String toolName, String command, String normalizedCommand, String description) {
        return new ToolCall(first(this.toolName, toolName), first(this.command, command),
                first(this.normalizedCommand, normalizedCommand), first(this.description, description),
                slowAlertedBy, usedAt, preHookAt, startedAt, taskId);
    }

    ToolCall used(Instant at, String waitsForTask) {
        return new ToolCall(toolName, command, normalizedCommand, description, slowAlertedBy, at, preHookAt, startedAt,
                first(taskId, waitsForTask));
    }

    ToolCall hookedAt(Instant at) {
        Instant latest = preHookAt == null || at.isAfter(preHookAt) ? at : preHookAt;
        return new ToolCall(toolName, command, normalizedCommand, description, slowAlertedBy, usedAt, latest, startedAt, taskId);
    }

    ToolCall started(Instant at) {
        Instant earliest = startedAt == null || at.isBefore(startedAt) ? at : startedAt;
        return new ToolCall(toolName, command, normalizedCommand, description, slowAlertedBy, usedAt, preHookAt, earliest, taskId);
    }

    private static <T> T first(T kept, T offered) {
        return kept != null ? kept : offered;
    }
}
