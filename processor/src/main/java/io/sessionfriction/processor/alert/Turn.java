package io.sessionfriction.processor.alert;

import java.util.ArrayList;
import java.util.List;

import io.sessionfriction.processor.event.EnrichedEvent;

/**
 * The work on one line: the session's and the tool call's state as the line leaves them, and the
 * occurrences it produced. Pattern detectors read and update it; the processor saves it once.
 */
final class Turn {

    private final EnrichedEvent event;
    private SessionContext session;
    private ToolCall call;
    private final List<Occurrence> occurrences = new ArrayList<>();

    Turn(EnrichedEvent event, SessionContext session, ToolCall call) {
        this.event = event;
        this.session = session;
        this.call = call;
    }

    EnrichedEvent event() {
        return event;
    }

    SessionContext session() {
        return session;
    }

    void session(SessionContext updated) {
        this.session = updated;
    }

    ToolCall call() {
        return call;
    }

    void call(ToolCall updated) {
        this.call = updated;
    }

    void found(Occurrence occurrence) {
        occurrences.add(occurrence);
    }

    List<Occurrence> occurrences() {
        return occurrences;
    }
}
