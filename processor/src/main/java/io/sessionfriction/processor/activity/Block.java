package io.sessionfriction.processor.activity;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One active block: events whose consecutive gaps are all at most the inactivity gap. */
// Fixed order: see SessionActivity.
@JsonPropertyOrder({"start", "end", "activeSeconds", "events", "toolUses", "errors"})
public record Block(Instant start, Instant end, long events, long toolUses, long errors) {

    static Block of(Instant at, EventCounts counts) {
        return new Block(at, at, 1, counts.toolUses(), counts.errors());
    }

    /** end - start, in seconds with millisecond precision: exactly the definition of active time. */
    @JsonProperty(value = "activeSeconds", access = JsonProperty.Access.READ_ONLY)
    public double activeSeconds() {
        return Duration.between(start, end).toMillis() / 1000.0;
    }

    /** True when {@code at} is at most {@code gap} away from this block, so it belongs to it. */
    boolean reaches(Instant at, Duration gap) {
        return !at.isBefore(start.minus(gap)) && !at.isAfter(end.plus(gap));
    }

    Block merge(Block other) {
        return new Block(
                start.isBefore(other.start) ? start : other.start,
                end.isAfter(other.end) ? end : other.end,
                events + other.events, toolUses + other.toolUses, errors + other.errors);
    }
}
