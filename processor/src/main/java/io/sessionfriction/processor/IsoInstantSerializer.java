package io.sessionfriction.processor;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an instant exactly as {@link DateTimeFormatter#ISO_INSTANT} does (seconds always, the fraction in
 * groups of three digits as needed, {@code Z}), without the formatter: every output and store value carries
 * instants (a session's activity one pair per block, on each of its events), and the formatter's
 * {@code LocalDateTime} and string building were a few percent of a replay's stream thread
 * (docs/benchmarks.md). Years outside 0000 to 9999, which the formatter signs, are left to it.
 */
final class IsoInstantSerializer extends StdSerializer<Instant> {

    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long LAST_SECOND = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * 86_400 - 1;

    IsoInstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        char[] text = new char[30];
        int length = format(value, text);
        if (length < 0) {
            generator.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
        } else {
            generator.writeString(text, 0, length);
        }
    }

    /** Writes {@code value} into {@code text}; the length written, or -1 for a year the fast path leaves alone. */
    static int format(Instant value, char[] text) {
        long seconds = value.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            return -1;
        }
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        int at = digits(date.getYear(), 4, text, 0);
        text[at++] = '-';
        at = digits(date.getMonthValue(), 2, text, at);
        text[at++] = '-';
        at = digits(date.getDayOfMonth(), 2, text, at);
        text[at++] = 'T';
        at = digits(secondOfDay / 3600, 2, text, at);
        text[at++] = ':';
        at = digits(secondOfDay / 60 % 60, 2, text, at);
        text[at++] = ':';
        at = digits(secondOfDay % 60, 2, text, at);
        int nano = value.getNano();
        if (nano > 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(nano / 1_000_000, 3, text, at);
            } else if (nano % 1_000 == 0) {
                at = digits(nano / 1_000, 6, text, at);
            } else {
                at = digits(nano, 9, text, at);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    private static int digits(int value, int width, char[] text, int at) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
