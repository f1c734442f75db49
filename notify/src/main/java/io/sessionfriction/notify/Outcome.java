package io.sessionfriction.notify;

import java.util.Locale;

/** What became of one record of {@code friction-alerts}; the {@code outcome} tag of the sink's alert counter. */
public enum Outcome {
    /** Accepted by an Alertmanager. */
    SENT,
    /** Its line's event time is not within the max age of now: a replay, a backfill, a late batch. */
    NOT_RECENT,
    /** From a session that started before a known fix (should not be on this topic; never paged). */
    SUPPRESSED,
    /** Not an alert this sink can read: logged with its partition and offset. */
    UNREADABLE,
    /** Every Alertmanager refused it as invalid (HTTP 4xx): logged with its alert id, never retried. */
    REJECTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
