package io.sessionfriction.processor.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Every text reads as {@link Instant#parse} reads it: the same instant, or the same refusal. */
class IsoInstantParserTest {

    @Test
    void readsTheShapeTranscriptsWrite() {
        assertThat(IsoInstantParser.parse("2026-02-09T10:15:30.123Z")).isEqualTo(Instant.ofEpochSecond(1_770_632_130L, 123_000_000));
        assertThat(IsoInstantParser.parse("2026-02-09T10:15:30Z")).isEqualTo(Instant.ofEpochSecond(1_770_632_130L));
        assertThat(IsoInstantParser.parse("2026-02-09T10:15:30.000000001Z")).isEqualTo(Instant.ofEpochSecond(1_770_632_130L, 1));
        assertThat(IsoInstantParser.parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
    }

    @Test
    void everyInstantWrittenWithAnyFractionReadsBackAsTheFormatterReadsIt() {
        Random random = new Random(20261202);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextInt(1_000_000_000));
            String text = withFractionDigits(instant, i % 10);
            assertThat(IsoInstantParser.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void whatTheFastPathDoesNotReadGetsTheFormattersAnswer() {
        List<String> texts = new ArrayList<>(List.of(
                // read by the formatter, not by the fast path
                "2026-02-09t10:15:30z", "2026-02-09T10:15:30+01:00", "2026-02-09T10:15:30.123-05:30", "2026-02-09T24:00:00Z",
                "2016-12-31T23:59:60Z", "+12026-02-09T10:15:30Z", "0000-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
                // refused by both
                "2026-02-30T10:15:30Z", "2025-02-29T10:15:30Z", "2026-13-09T10:15:30Z", "2026-00-09T10:15:30Z",
                "2026-02-00T10:15:30Z", "2026-02-09T25:15:30Z", "2026-02-09T10:60:30Z", "2026-02-09T10:15:61Z",
                "2026-02-09T10:15:30.Z", "2026-02-09T10:15:30.1234567890Z", "2026-02-09T10:15:30", "2026-02-09T10:15Z",
                "2026-02-09 10:15:30Z", "2026/02/09T10:15:30Z", " 2026-02-09T10:15:30Z", "2026-02-09T10:15:30Z ",
                "2026-02-09T10:15:30.12a4Z", "2026-0a-09T10:15:30Z", "\u0662026-02-09T10:15:30Z", "2026-02-09T10:15:\u0663\u0660Z",
                "2026-02-09T10:15:30ZZ", "2026-02-09T10:15:30.123ZZ", "2026-02-09", "", "now", "1770632130"));
        for (String text : texts) {
            Object expected = outcome(() -> Instant.parse(text));
            assertThat(outcome(() -> IsoInstantParser.parse(text))).as("'%s'", text).isEqualTo(expected);
        }
        assertThatThrownBy(() -> IsoInstantParser.parse("2026-02-30T10:15:30Z")).isInstanceOf(DateTimeParseException.class);
    }

    /** The instant as ISO_INSTANT writes it, but with exactly {@code digits} fraction digits (0: none). */
    private static String withFractionDigits(Instant instant, int digits) {
        String whole = Instant.ofEpochSecond(instant.getEpochSecond()).toString();
        if (digits == 0) {
            return whole;
        }
        String nanos = String.format("%09d", instant.getNano()).substring(0, digits);
        return whole.substring(0, whole.length() - 1) + '.' + nanos + 'Z';
    }

    private interface Parse {
        Instant run();
    }

    /** The instant, or the exception's class and message. */
    private static Object outcome(Parse parse) {
        try {
            return parse.run();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
