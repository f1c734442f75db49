package io.sessionfriction.processor.event;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed line of one session, inside the topology.
 *
 * @param timestamp event time, or null for lines untimed by design
 */
public record SessionEvent(String sessionKey, String user, EventKind kind, Instant timestamp, JsonNode line)
        implements ParsedLine {

    public boolean isTimed() {
        return timestamp != null;
    }

    public String uuid() {
        JsonNode uuid = line.path("uuid");
        return uuid.isTextual() ? uuid.asText() : null;
    }
}
