package io.sessionfriction.processor.event;

/** What a tool_use said, remembered until its result so results and progress lines can name it. */
public record ToolUseRef(String toolName, String inputSummary, String command, String description) {
}
