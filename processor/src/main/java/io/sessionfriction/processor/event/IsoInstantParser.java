package io.sessionfriction.processor.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;

/**
 * Reads an instant exactly as {@link Instant#parse} does, without its formatter for the one shape transcripts
 * write ({@code 2026-02-09T10:15:30.123Z}: four-digit year, seconds, a fraction of up to nine digits or none,
 * {@code Z}). Every event's timestamp is read twice (the timestamp extractor, then the line parser), and the
 * formatter's parse context, its field map and its resolving were a few percent of a replay's stream thread
 * (docs/benchmarks.md). Anything else (an offset, lower-case letters, a leap second, an impossible date, no
 * date at all) is handed to {@link Instant#parse}, so its result or its exception is the formatter's own.
 */
final class IsoInstantParser {

    private static final int SHORTEST = "2026-02-09T10:15:30Z".length();
    private static final int LONGEST = "2026-02-09T10:15:30.123456789Z".length();

    private IsoInstantParser() {
    }

    /** @throws DateTimeParseException where {@link Instant#parse} throws it */
    static Instant parse(String text) {
        Instant fast = fastPath(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The instant, or null when the text is not of the one shape read here or names no valid time. */
    private static Instant fastPath(String text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > SHORTEST) {
            if (text.charAt(SHORTEST - 1) != '.') {
                return null;
            }
            int fractionDigits = length - SHORTEST - 1;
            int fraction = digits(text, SHORTEST, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The number the {@code count} ASCII digits at {@code from} spell, or -1 if any is not one. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
