package io.sessionfriction.processor.progress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.LineFields;

/**
 * Reads a Bash tool_result into an {@link Outcome}, exit code and background task id.
 *
 * @param neverRan the user refused the call at its permission prompt: it did not run at all
 */
record CommandResult(Outcome outcome, Integer exitCode, String backgroundTaskId, boolean neverRan) {

    // The error text of a failed Bash call starts "Exit code N" (after an optional "Error: ").
    private static final Pattern EXIT_CODE = Pattern.compile("^(?:Error: )?Exit code (\\d+)");
    private static final String BACKGROUNDED = "Command running in background with ID";
    // The user stopped the call at its permission prompt: it never ran, so it has no exit code.
    private static final String REJECTED = "The user doesn't want to proceed";

    static CommandResult of(EnrichedEvent result) {
        JsonNode line = result.event();
        JsonNode toolUseResult = line.path("toolUseResult");
        String backgroundTaskId = LineFields.textOrNull(toolUseResult.path("backgroundTaskId"));
        String content = LineFields.contentText(LineFields.toolResult(line).path("content"));
        if (backgroundTaskId != null || content.startsWith(BACKGROUNDED)) {
            return new CommandResult(Outcome.BACKGROUNDED, null, backgroundTaskId, false);
        }
        if (content.startsWith(REJECTED)) {
            return new CommandResult(Outcome.INTERRUPTED, null, null, true);
        }
        if (toolUseResult.path("interrupted").asBoolean(false)) {
            return new CommandResult(Outcome.INTERRUPTED, null, null, false);
        }
        if (Boolean.TRUE.equals(result.isError())) {
            return new CommandResult(Outcome.ERROR, exitCode(result.errorText()), null, false);
        }
        return new CommandResult(Outcome.OK, null, null, false);
    }

    private static Integer exitCode(String errorText) {
        Matcher matcher = EXIT_CODE.matcher(errorText == null ? "" : errorText);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
