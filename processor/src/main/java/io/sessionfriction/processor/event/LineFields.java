package io.sessionfriction.processor.event;

import com.fasterxml.jackson.databind.JsonNode;

/** Where the facts live inside a transcript line (docs/transcript-format.md), read in one place. */
public final class LineFields {

    private LineFields() {
    }

    /** The tool_use block of an assistant line, or a missing node. */
    public static JsonNode toolUse(JsonNode line) {
        return EventClassifier.block(line.path("message").path("content"), "tool_use");
    }

    /** The tool_result block of a user line, or a missing node. */
    public static JsonNode toolResult(JsonNode line) {
        return EventClassifier.block(line.path("message").path("content"), "tool_result");
    }

    /** tool_use id, tool_result's tool_use_id, or a progress line's parentToolUseID. */
    public static String toolUseId(SessionEvent event) {
        return switch (event.kind()) {
            case TOOL_USE -> textOrNull(toolUse(event.line()).path("id"));
            case TOOL_RESULT -> textOrNull(toolResult(event.line()).path("tool_use_id"));
            case BASH_PROGRESS, HOOK_PROGRESS -> textOrNull(event.line().path("parentToolUseID"));
            default -> null;
        };
    }

    /** tool_result: is_error or a string toolUseResult; api_error: true; null where the question does not apply. */
    public static Boolean isError(SessionEvent event) {
        return switch (event.kind()) {
            case TOOL_RESULT -> toolResult(event.line()).path("is_error").asBoolean(false)
                    || event.line().path("toolUseResult").isTextual();
            case API_ERROR -> true;
            default -> null;
        };
    }

    /** The error's text, or null when the line is not an error. */
    public static String errorText(SessionEvent event) {
        if (!Boolean.TRUE.equals(isError(event))) {
            return null;
        }
        JsonNode line = event.line();
        if (event.kind() == EventKind.API_ERROR) {
            JsonNode error = line.path("error");
            String status = error.path("status").isMissingNode() ? "" : "status " + error.path("status").asText() + ": ";
            // Claude Code nests the API's own error body: error.error.error.message ("Overloaded").
            return status + (error.isTextual() ? error.asText() : firstText(error.path("message"), error.path("error").path("message"),
                    error.path("error").path("error").path("message"), line.path("content")));
        }
        JsonNode toolUseResult = line.path("toolUseResult");
        return toolUseResult.isTextual() ? toolUseResult.asText() : contentText(toolResult(line).path("content"));
    }

    /** A tool_result's content: a string, or the text of its text blocks joined by newlines. */
    public static String contentText(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode block : content) {
                if (block.path("text").isTextual()) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append(block.path("text").asText());
                }
            }
        }
        return text.toString();
    }

    public static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual()) {
                return candidate.asText();
            }
        }
        return "";
    }
}
