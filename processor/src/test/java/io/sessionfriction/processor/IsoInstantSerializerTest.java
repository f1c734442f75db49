package io.sessionfriction.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class IsoInstantSerializerTest {

    /** How instants were written before: Jackson's time module, through ISO_INSTANT. */
    private static final ObjectMapper TIME_MODULE = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void writesWhatTheIsoFormatterWritesWithTheFractionInGroupsOfThree() {
        assertThat(written(Instant.parse("2026-02-11T20:00:00Z"))).isEqualTo("\"2026-02-11T20:00:00Z\"");
        assertThat(written(Instant.parse("2026-02-11T20:00:00.100Z"))).isEqualTo("\"2026-02-11T20:00:00.100Z\"");
        assertThat(written(Instant.parse("2026-02-11T20:00:00.000250Z"))).isEqualTo("\"2026-02-11T20:00:00.000250Z\"");
        assertThat(written(Instant.parse("2026-02-11T20:00:00.000000001Z"))).isEqualTo("\"2026-02-11T20:00:00.000000001Z\"");
    }

    @Test
    void everyInstantIsWrittenByteForByteAsBefore() throws Exception {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1),
                Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("2024-02-29T12:00:00Z")));
        Random random = new Random(20261201);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-62_200_000_000L, 253_500_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }

        for (Instant instant : instants) {
            assertThat(written(instant)).as("%s", instant).isEqualTo(TIME_MODULE.writeValueAsString(instant))
                    .isEqualTo('"' + DateTimeFormatter.ISO_INSTANT.format(instant) + '"');
        }
    }

    private static String written(Instant instant) {
        return new String(Json.write(instant), StandardCharsets.UTF_8);
    }
}
