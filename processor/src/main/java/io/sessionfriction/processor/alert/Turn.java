package io.sessionfriction.processor.alert;

import java.util.ArrayList;
import java.util.List;

import io.sessionfriction.processor.event.EnrichedEvent;

/**
 * The work on one line: the session's, the line's thread's and the tool call's state as the line leaves
 * them, and the occurrences it produced. Pattern detectors read and update it; the processor saves it once.
 * When the line ends the agent's turn in its thread, {@link #ended()} is the turn as it was before (its
 * final text, its failures), and the thread already starts afresh.
 */
final class Turn {

    private final EnrichedEvent event;
    private final String threadKey;
    private SessionContext session;
    private ToolCall call;
    private ThreadState ended;
    private final List<Occurrence> occurrences = new ArrayList<>();

    Turn(EnrichedEvent event, SessionContext session, ToolCall call, String threadKey) {
        this.event = event;
        this.session = session;
        this.call = call;
        this.threadKey = threadKey;
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

    ThreadState thread() {
        return session.thread(threadKey);
    }

    void thread(ThreadState updated) {
        this.session = session.withThread(threadKey, updated);
    }

    boolean mainThread() {
        return SessionContext.MAIN_THREAD.equals(threadKey);
    }

    /** The thread's turn as it was when this line ended it; null when the line ends no turn. */
    ThreadState ended() {
        return ended;
    }

    void ended(ThreadState turn) {
        this.ended = turn;
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
