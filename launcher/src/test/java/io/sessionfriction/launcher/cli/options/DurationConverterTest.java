package io.sessionfriction.launcher.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsTheShortFormsPeopleType() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("3s")).isEqualTo(Duration.ofSeconds(3));
        assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void readsIso8601() {
        assertThat(converter.convert("PT90S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void rejectsAnythingElseWithExamples() {
        assertThatThrownBy(() -> converter.convert("ten minutes"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'ten minutes' is not a duration")
                .hasMessageContaining("10m");
    }
}
