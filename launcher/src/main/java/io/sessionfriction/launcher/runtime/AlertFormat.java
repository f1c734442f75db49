package io.sessionfriction.launcher.runtime;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an alert reads on a terminal: one headline, then the evidence and the command it concerns. Every
 * field can hold transcript text (a user folder, tool output), so each is printed escaped (TerminalText).
 */
final class AlertFormat {

    private static final int EXCERPT_CHARS = 160;

    String format(JsonNode alert) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-8s %-18s %-8s session %s  %s  count %d%s",
                "[" + field(alert, "severity").toUpperCase(Locale.ROOT) + "]",
                field(alert, "rule"),
                field(alert, "user"),
                shortId(field(alert, "sessionId")),
                field(alert, "timestamp"),
                alert.path("count").asLong(1),
                alert.path("escalation").asInt(0) > 0 ? "  (escalation " + alert.path("escalation").asInt() + ")" : ""));
        JsonNode evidence = alert.path("evidence");
        if (evidence.isArray() && !evidence.isEmpty()) {
            text.append("\n         evidence: ").append(oneLine(evidence.get(evidence.size() - 1).path("excerpt").asText("")));
        }
        JsonNode context = alert.path("context");
        if (context.hasNonNull("command")) {
            text.append("\n         command:  ").append(oneLine(context.path("command").asText()));
            if (context.hasNonNull("description")) {
                text.append("  (").append(oneLine(context.path("description").asText())).append(')');
            }
        }
        return text.toString();
    }

    private static String field(JsonNode alert, String name) {
        return oneLine(alert.path(name).asText("?"));
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return TerminalText.escaped(flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS - 1) + "…");
    }
}
