package io.sessionfriction.processor.activity;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event that could not be placed, as written to {@code session-events-late}: kept whole, with the
 * stream time it was judged against and why, so it can be re-processed by a replay with a wider bound
 * (or once a skewed clock is understood).
 *
 * @param reason {@code behind stream time (...)}: older than stream time minus the allowed lateness;
 *               {@code ahead of the processor's clock (...)}: stamped implausibly far in the future
 */
public record LateEvent(String sessionKey, String user, Instant eventTime, Instant streamTime, String reason, JsonNode event) {
}
