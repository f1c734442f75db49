package io.sessionfriction.launcher.runtime;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** How an alert reads on a terminal: one headline, then the evidence and the command it concerns. */
final class AlertFormat {

    private static final int EXCERPT_CHARS = 160;

    String format(JsonNode alert) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-8s %-18s %-8s session %s  %s  count %d%s",
                "[" + alert.path("severity").asText("?").toUpperCase(Locale.ROOT) + "]",
                alert.path("rule").asText("?"),
                alert.path("user").asText("?"),
                shortId(alert.path("sessionId").asText("?")),
                alert.path("timestamp").asText("?"),
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

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS - 1) + "…";
    }
}
