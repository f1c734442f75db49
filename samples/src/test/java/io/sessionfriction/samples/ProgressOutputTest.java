package io.sessionfriction.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ProgressOutputTest {
    private static final String TEN_LINES = IntStream.rangeClosed(1, 10).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

    @Test
    void linesAppearInProportionToElapsedTime() {
        ProgressOutput output = new ProgressOutput(TEN_LINES, 10_000);

        assertThat(output.at(2).lines()).isEqualTo(2);
        assertThat(output.at(2).fullOutput()).isEqualTo("line 1\nline 2");
        assertThat(output.at(10).fullOutput()).isEqualTo(TEN_LINES);
    }

    @Test
    void outputIsTheLastFiveLinesOfTheFullOutput() {
        ProgressOutput.Window window = new ProgressOutput(TEN_LINES, 10_000).at(8);

        assertThat(window.output()).isEqualTo("line 4\nline 5\nline 6\nline 7\nline 8");
        assertThat(window.fullOutput()).endsWith(window.output()).startsWith("line 1\n");
    }

    @Test
    void fullOutputKeepsOnlyTheNewestCharactersOfALongOutput() {
        String longOutput = "x".repeat(ProgressOutput.FULL_OUTPUT_CAP) + "\nlast line";

        ProgressOutput.Window window = new ProgressOutput(longOutput, 1_000).at(1);

        assertThat(window.fullOutput()).hasSize(ProgressOutput.FULL_OUTPUT_CAP).endsWith("\nlast line");
        assertThat(window.lines()).isEqualTo(2);
    }

    @Test
    void aSilentCommandShowsEmptyOutput() {
        ProgressOutput.Window window = new ProgressOutput("", 20_000).at(19);

        assertThat(window.lines()).isZero();
        assertThat(window.fullOutput()).isEmpty();
        assertThat(window.output()).isEmpty();
    }
}
