package io.sessionfriction.processor.activity;

import java.time.Instant;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.SessionEvent;

/**
 * An event with its place in the session: the active block it fell in and the session's first event
 * time, as known when it was processed.
 *
 * @param block    null for untimed lines
 * @param activity the session's activity after this event, or null when the event did not change it
 */
public record PlacedEvent(SessionEvent event, EnrichedEvent.BlockRef block, Instant sessionStart,
                          SessionActivity activity) {
}
