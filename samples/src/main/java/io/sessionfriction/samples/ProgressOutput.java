package io.sessionfriction.samples;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * What a running command has printed so far: its lines appear in proportion to elapsed time.
 * {@code fullOutput} is the output so far, capped to its last {@value #FULL_OUTPUT_CAP} chars as real
 * files cap it; {@code output} is the last {@value #TAIL_LINES} lines. Both are written as slices of one
 * char array, so a 100-update command does not build 200 strings.
 */
final class ProgressOutput {
    static final int FULL_OUTPUT_CAP = 8_000;
    static final int TAIL_LINES = 5;

    private final char[] text;
    private final int[] lineEnds;
    private final long durationMs;

    ProgressOutput(String output, long durationMs) {
        this.text = output.toCharArray();
        this.lineEnds = lineEnds(text);
        this.durationMs = Math.max(1, durationMs);
    }

    /** The output at {@code elapsedSeconds} after the command started. */
    Window at(int elapsedSeconds) {
        int lines = (int) Math.min(lineEnds.length, (long) lineEnds.length * elapsedSeconds * 1000 / durationMs);
        int end = lines == 0 ? 0 : lineEnds[lines - 1];
        int tailFrom = lines <= TAIL_LINES ? 0 : lineEnds[lines - TAIL_LINES - 1] + 1;
        return new Window(lines, Math.max(0, end - FULL_OUTPUT_CAP), tailFrom, end);
    }

    /** Lines printed so far and the slices of the output that show them. */
    final class Window {
        private final int lines;
        private final int fullFrom;
        private final int tailFrom;
        private final int end;

        private Window(int lines, int fullFrom, int tailFrom, int end) {
            this.lines = lines;
            this.fullFrom = fullFrom;
            this.tailFrom = tailFrom;
            this.end = end;
        }

        int lines() {
            return lines;
        }

        String fullOutput() {
            return new String(text, fullFrom, end - fullFrom);
        }

        String output() {
            return new String(text, tailFrom, end - tailFrom);
        }

        void writeFields(JsonGenerator json) throws IOException {
            json.writeFieldName("output");
            json.writeString(text, tailFrom, end - tailFrom);
            json.writeFieldName("fullOutput");
            json.writeString(text, fullFrom, end - fullFrom);
        }
    }

    private static int[] lineEnds(char[] text) {
        if (text.length == 0) {
            return new int[0];
        }
        int count = 1;
        for (char c : text) {
            if (c == '\n') {
                count++;
            }
        }
        int[] ends = new int[count];
        int line = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                ends[line++] = i;
            }
        }
        ends[line] = text.length;
        return ends;
    }
}
