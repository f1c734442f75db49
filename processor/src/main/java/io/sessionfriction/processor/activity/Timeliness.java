package io.sessionfriction.processor.activity;

import java.time.Instant;

import io.sessionfriction.processor.event.SessionEvent;

/** An event judged against its partition's stream time: late means older than the allowed lateness. */
public record Timeliness(SessionEvent event, Instant streamTime, boolean late) {

    public LateEvent toLateEvent() {
        return new LateEvent(event.sessionKey(), event.user(), event.timestamp(), streamTime, event.line());
    }
}
