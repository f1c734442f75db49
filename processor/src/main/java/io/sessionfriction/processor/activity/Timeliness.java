package io.sessionfriction.processor.activity;

import java.time.Instant;

import io.sessionfriction.processor.MeteredProcessorEvents.LateReason;
import io.sessionfriction.processor.event.SessionEvent;

/**
 * An event judged against its partition's stream time and the processor's clock.
 *
 * @param lateReason why it cannot be placed in its session's blocks, or null when it can
 */
public record Timeliness(SessionEvent event, Instant streamTime, String lateReason) {

    /** The stable start of a late reason: older than stream time minus the allowed lateness. */
    public static final String BEHIND_STREAM_TIME = LateReason.BEHIND_STREAM_TIME.start();
    /** The stable start of a late reason: stamped implausibly far in the future. */
    public static final String AHEAD_OF_CLOCK = LateReason.AHEAD_OF_CLOCK.start();

    public boolean late() {
        return lateReason != null;
    }

    public LateEvent toLateEvent() {
        return new LateEvent(event.sessionKey(), event.user(), event.timestamp(), streamTime, lateReason, event.line());
    }
}
