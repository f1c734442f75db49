package io.sessionfriction.processor.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Decides a line's {@link EventKind} from its {@code type} and content, as docs/transcript-format.md describes them. */
public final class EventClassifier {

    private EventClassifier() {
    }

    public static EventKind classify(JsonNode line) {
        return switch (line.path("type").asText("")) {
            case "user" -> user(line);
            case "assistant" -> assistant(line.path("message").path("content"));
            case "progress" -> progress(line.path("data").path("type").asText(""));
            case "system" -> system(line.path("subtype").asText(""));
            case "summary" -> EventKind.SUMMARY;
            case "file-history-snapshot" -> EventKind.FILE_HISTORY_SNAPSHOT;
            case "queue-operation" -> EventKind.QUEUE_OPERATION;
            case "pr-link" -> EventKind.PR_LINK;
            default -> EventKind.UNKNOWN;
        };
    }

    private static EventKind user(JsonNode line) {
        if (line.path("isCompactSummary").asBoolean(false)) {
            return EventKind.COMPACT_SUMMARY;
        }
        return hasBlock(line.path("message").path("content"), "tool_result") ? EventKind.TOOL_RESULT : EventKind.USER_PROMPT;
    }

    // One block per line is the rule; should a line carry several, the tool_use is what matters most.
    private static EventKind assistant(JsonNode content) {
        if (hasBlock(content, "tool_use")) {
            return EventKind.TOOL_USE;
        }
        if (!hasBlock(content, "text") && (hasBlock(content, "thinking") || hasBlock(content, "redacted_thinking"))) {
            return EventKind.ASSISTANT_THINKING;
        }
        return EventKind.ASSISTANT_TEXT;
    }

    private static EventKind progress(String dataType) {
        return switch (dataType) {
            case "bash_progress" -> EventKind.BASH_PROGRESS;
            case "hook_progress" -> EventKind.HOOK_PROGRESS;
            case "agent_progress" -> EventKind.AGENT_PROGRESS;
            default -> EventKind.OTHER_PROGRESS;
        };
    }

    private static EventKind system(String subtype) {
        return switch (subtype) {
            case "api_error" -> EventKind.API_ERROR;
            case "compact_boundary", "microcompact_boundary" -> EventKind.COMPACT_BOUNDARY;
            default -> EventKind.SYSTEM;
        };
    }

    /** The first content block of the given type, or a missing node. */
    public static JsonNode block(JsonNode content, String type) {
        if (content.isArray()) {
            for (JsonNode block : content) {
                if (type.equals(block.path("type").asText())) {
                    return block;
                }
            }
        }
        return MissingNode.getInstance();
    }

    private static boolean hasBlock(JsonNode content, String type) {
        return !block(content, type).isMissingNode();
    }
}
