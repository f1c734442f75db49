package io.sessionfriction.processor.event;

import com.fasterxml.jackson.databind.JsonNode;

/** A one-line readable summary of a tool_use's input: the field that says what the call does. */
public final class InputSummary {

    static final int MAX_CHARS = 200;
    private static final String[] TELLING_FIELDS = {"command", "file_path", "notebook_path", "pattern", "url", "query",
        "description", "prompt", "skill"};

    private InputSummary() {
    }

    public static String of(String toolName, JsonNode input) {
        if (!input.isObject() || input.isEmpty()) {
            return toolName;
        }
        for (String field : TELLING_FIELDS) {
            if (input.path(field).isTextual()) {
                return cap(toolName + " " + input.path(field).asText() + pathSuffix(field, input));
            }
        }
        return cap(toolName + " " + input);
    }

    private static String pathSuffix(String field, JsonNode input) {
        return "pattern".equals(field) && input.path("path").isTextual() ? " in " + input.path("path").asText() : "";
    }

    private static String cap(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS - 1) + "…";
    }
}
