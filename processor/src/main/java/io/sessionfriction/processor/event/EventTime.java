package io.sessionfriction.processor.event;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** When a line happened: its {@code timestamp}, none by design, or unusable (and why). */
public sealed interface EventTime {

    /** The line's own event time. */
    record At(Instant instant) implements EventTime {
    }

    /** A line with no time by design (summary, snapshot, or an optional one left out): it never drives a block. */
    record Untimed() implements EventTime {
    }

    /** A line that should carry a time and does not carry a usable one: it goes to the DLQ. */
    record Unusable(String reason) implements EventTime {
    }

    static EventTime of(JsonNode line, EventKind kind) {
        if (kind.untimedByDesign()) {
            return new Untimed();
        }
        JsonNode timestamp = line.path("timestamp");
        if (timestamp.isMissingNode() || timestamp.isNull()) {
            return timeOptional(kind) ? new Untimed() : new Unusable("missing timestamp on a " + kind + " line");
        }
        if (!timestamp.isTextual()) {
            return new Unusable("timestamp is not an ISO-8601 string: " + timestamp);
        }
        Instant instant;
        try {
            instant = IsoInstantParser.parse(timestamp.asText());
        } catch (DateTimeParseException e) {
            return new Unusable("unparsable timestamp: " + timestamp.asText());
        }
        // Kafka record times are milliseconds since 1970 and never negative: anything else cannot be placed.
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST)) {
            return new Unusable("timestamp out of range: " + timestamp.asText());
        }
        return new At(instant);
    }

    /** The latest instant whose epoch milliseconds a long holds. */
    Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    // Types we do not know (or rarely see) may legitimately lack a time; they pass through untimed.
    private static boolean timeOptional(EventKind kind) {
        return kind == EventKind.UNKNOWN || kind == EventKind.PR_LINK;
    }
}
