package io.sessionfriction.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.Json;

/**
 * Where each line of a session is, and what it is part of. The lines of one tool call (its tool_use,
 * progress and hook lines, result, and the interrupt line of a refused call) are one anchor, the call;
 * a compaction's boundary and its continuation summary are one; any other line is its own. A label on
 * one line of a call and an alert whose evidence is another line of it are about the same thing.
 */
final class LineAnchors {

    /** A line: its file, its 1-based number, and the anchor it belongs to. */
    record Place(String file, long line, String anchor) {
    }

    private static final String TOOL_INTERRUPT = "[Request interrupted by user for tool use]";

    private final Map<String, Place> byUuid = new HashMap<>();

    static LineAnchors of(SessionTranscripts session) {
        LineAnchors anchors = new LineAnchors();
        session.files().forEach(anchors::add);
        return anchors;
    }

    private void add(Transcript file) {
        Set<String> boundaries = new HashSet<>();
        String lastStoppedCall = null;
        for (Transcript.Line line : file.lines()) {
            for (String object : line.objects()) {
                JsonNode json = Json.read(object.getBytes(StandardCharsets.UTF_8), JsonNode.class);
                String uuid = json.path("uuid").asText(null);
                if (uuid == null) {
                    continue;
                }
                String anchor = anchor(json, uuid, boundaries, lastStoppedCall);
                if ("compact_boundary".equals(json.path("subtype").asText())) {
                    boundaries.add(uuid);
                }
                Optional<String> stopped = stoppedCall(json);
                if (stopped.isPresent()) {
                    lastStoppedCall = stopped.get();
                }
                // A resumed file repeats earlier lines: the first sighting is the one the processor kept.
                byUuid.putIfAbsent(uuid, new Place(file.relativePath(), line.number(), anchor));
            }
        }
    }

    private static String anchor(JsonNode json, String uuid, Set<String> boundaries, String lastStoppedCall) {
        JsonNode content = json.path("message").path("content");
        for (JsonNode block : content) {
            if ("tool_use".equals(block.path("type").asText())) {
                return "call:" + block.path("id").asText();
            }
            if ("tool_result".equals(block.path("type").asText())) {
                return "call:" + block.path("tool_use_id").asText();
            }
        }
        if (json.path("parentToolUseID").isTextual()) {
            return "call:" + json.path("parentToolUseID").asText();
        }
        if (text(content).startsWith(TOOL_INTERRUPT) && lastStoppedCall != null) {
            return "call:" + lastStoppedCall;
        }
        String parent = json.path("parentUuid").asText("");
        if (json.path("isCompactSummary").asBoolean(false) && boundaries.contains(parent)) {
            return "line:" + parent;
        }
        return "line:" + uuid;
    }

    /** The call a refused or interrupted tool_result ends, for the interrupt line that follows it. */
    private static Optional<String> stoppedCall(JsonNode json) {
        for (JsonNode block : json.path("message").path("content")) {
            if ("tool_result".equals(block.path("type").asText()) && block.path("is_error").asBoolean(false)) {
                String result = text(block.path("content"));
                boolean refused = result.contains("doesn't want to proceed") || result.startsWith("[Request interrupted");
                if (refused || json.path("toolUseResult").path("interrupted").asBoolean(false)) {
                    return Optional.of(block.path("tool_use_id").asText());
                }
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asText("")));
        return text.toString();
    }

    Optional<Place> place(String uuid) {
        return Optional.ofNullable(uuid == null ? null : byUuid.get(uuid));
    }
}
