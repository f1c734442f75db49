package io.sessionfriction.processor.event;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One transcript line as other services consume it on {@code session-events-enriched}: the original
 * event plus what the pipeline derived from it. Its JSON form is the published contract
 * ({@code schemas/session-event-enriched.schema.json}); renaming or removing a field breaks consumers.
 *
 * @param schemaVersion    contract version; bumped on any incompatible change
 * @param sessionKey       the transcript's id from its path (the Kafka key)
 * @param user             the user folder the transcript came from
 * @param sessionId        the line's own sessionId (may differ from the key on resume; null if absent)
 * @param uuid             the line's uuid (null for queue-operation, pr-link, summary, snapshots)
 * @param type             the line's top-level {@code type}, as written
 * @param kind             what the line is, see {@link EventKind}
 * @param timestamp        event time; null for lines that carry none by design (summary, snapshot)
 * @param cwd              working directory on the line, if any
 * @param toolName         tool_use: the tool's name; tool_result: the name of the tool_use it answers
 * @param toolUseId        tool_use id, tool_result's tool_use_id, or bash_progress's parentToolUseID
 * @param inputSummary     tool_use: a short readable summary of its input
 * @param command          Bash: the command text
 * @param normalizedCommand Bash: the command with volatile parts (numbers, paths under /tmp, hashes) masked
 * @param description      Bash: the tool_use description
 * @param isError          tool_result: its is_error flag; api_error: true
 * @param errorText        the error text (string toolUseResult, tool_result content on error, api error)
 * @param text             human or tool text worth matching (user prompt, tool_result content, bash output), capped
 * @param elapsedSeconds   bash_progress: elapsedTimeSeconds
 * @param signals          the friction rule whose stateless match fired on this line (at most one, see RuleMatcher)
 * @param block            the active block the event belongs to when it was processed (null for untimed lines)
 * @param sessionStart     the earliest event time seen for the session when this line was processed
 * @param event            the line as written, except that its secrets are replaced by placeholders
 *                         ({@code [REDACTED:<kind>]}, docs/security.md); {@code fullOutput} is kept whole
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EnrichedEvent(
        int schemaVersion,
        String sessionKey,
        String user,
        String sessionId,
        String uuid,
        String type,
        EventKind kind,
        Instant timestamp,
        String cwd,
        String toolName,
        String toolUseId,
        String inputSummary,
        String command,
        String normalizedCommand,
        String description,
        Boolean isError,
        String errorText,
        String text,
        Long elapsedSeconds,
        List<Signal> signals,
        BlockRef block,
        Instant sessionStart,
        JsonNode event) {

    /** 2: {@code event} and every text field are redacted; 1 carried the line as written. */
    public static final int SCHEMA_VERSION = 2;

    /** A stateless rule match on one line: which rule, and the excerpt that matched. */
    public record Signal(String ruleId, String category, String severity, String excerpt) {
    }

    /** The active block (session window) an event fell in, as known when it was processed. */
    public record BlockRef(Instant start, Instant end) {
    }
}
