package io.sessionfriction.processor.event;

import java.time.Instant;

/**
 * What a tool_use said, remembered until its result so results and progress lines can name it.
 *
 * @param at the tool_use's time: a tool use whose result has not come within the allowed lateness is forgotten
 */
public record ToolUseRef(String toolName, String inputSummary, String command, String description, Instant at) {
}
