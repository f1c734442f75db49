package io.sessionfriction.processor.activity;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event older than the allowed lateness, as written to {@code session-events-late}: kept, with the
 * stream time it was judged against, so it can be re-processed by a replay with a wider bound.
 */
public record LateEvent(String sessionKey, String user, Instant eventTime, Instant streamTime, JsonNode event) {
}
