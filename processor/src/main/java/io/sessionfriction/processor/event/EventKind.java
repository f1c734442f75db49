package io.sessionfriction.processor.event;

/** What a transcript line is, decided from its {@code type} and content (docs/transcript-format.md). */
public enum EventKind {
    /** user line whose content is typed text (string content or text blocks). */
    USER_PROMPT,
    /** user line with isCompactSummary (the session was continued after running out of context). */
    COMPACT_SUMMARY,
    /** user line carrying a tool_result block. */
    TOOL_RESULT,
    ASSISTANT_TEXT,
    ASSISTANT_THINKING,
    TOOL_USE,
    BASH_PROGRESS,
    HOOK_PROGRESS,
    AGENT_PROGRESS,
    /** any other progress data type (mcp_progress, waiting_for_task, ...). */
    OTHER_PROGRESS,
    /** system line with subtype api_error. */
    API_ERROR,
    /** system line with subtype compact_boundary or microcompact_boundary. */
    COMPACT_BOUNDARY,
    SYSTEM,
    /** session title line: no timestamp, never drives time. */
    SUMMARY,
    /** file-history-snapshot line: no top-level timestamp, never drives time. */
    FILE_HISTORY_SNAPSHOT,
    QUEUE_OPERATION,
    PR_LINK,
    /** a type this version does not know: passes through, never fails. */
    UNKNOWN;

    /** Lines that have no timestamp by design: they pass through and never open or extend a block. */
    public boolean untimedByDesign() {
        return this == SUMMARY || this == FILE_HISTORY_SNAPSHOT;
    }
}
