package io.sessionfriction.collector.tail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NewlinesTest {

    private static int naiveIndexOf(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Every line end in order, as the tail walks them: each search starts after the previous newline. */
    private static List<Integer> lineEnds(byte[] data) {
        List<Integer> ends = new ArrayList<>();
        for (int end = Newlines.indexOf(data, 0); end >= 0; end = Newlines.indexOf(data, end + 1)) {
            ends.add(end);
        }
        return ends;
    }

    /** Bytes dense in newlines, CRs and bytes one away from '\n' (0x09, 0x0B), which a borrow could confuse. */
    @Provide
    Arbitrary<byte[]> buffers() {
        return Arbitraries.bytes().list().ofMaxSize(70).map(list -> {
            byte[] data = new byte[list.size()];
            for (int i = 0; i < data.length; i++) {
                byte b = list.get(i);
                data[i] = switch (Math.floorMod(b, 8)) {
                    case 0 -> '\n';
                    case 1 -> '\r';
                    case 2 -> 0x09;
                    case 3 -> 0x0B;
                    default -> b;
                };
            }
            return data;
        });
    }

    @Property(tries = 2000)
    void findsTheSameNewlineAsAByteByByteScanFromEveryStart(@ForAll("buffers") byte[] data) {
        for (int from = 0; from <= data.length; from++) {
            assertThat(Newlines.indexOf(data, from)).as("from %d", from).isEqualTo(naiveIndexOf(data, from));
        }
    }

    @Test
    void aNewlineIsFoundAtEveryPositionAroundTheEightByteSteps() {
        for (int length = 1; length <= 33; length++) {
            for (int at = 0; at < length; at++) {
                byte[] data = "x".repeat(length).getBytes(UTF_8);
                data[at] = '\n';

                assertThat(Newlines.indexOf(data, 0)).as("length %d, newline at %d", length, at).isEqualTo(at);
                assertThat(Newlines.indexOf(data, at + 1)).isEqualTo(-1);
            }
        }
    }

    @Test
    void linesStraddlingWordBoundariesEndWhereTheirNewlinesAre() {
        byte[] data = "{\"a\":1}\n{\"bb\":22}\r\n\n{\"ccc\":333333333}\r\n{\"no\":\"final newline\"}".getBytes(UTF_8);

        assertThat(lineEnds(data)).containsExactly(7, 18, 19, 38);
    }

    @Test
    void noNewlineMeansMinusOne() {
        assertThat(Newlines.indexOf(new byte[0], 0)).isEqualTo(-1);
        assertThat(Newlines.indexOf("{\"unterminated\":true}".getBytes(UTF_8), 0)).isEqualTo(-1);
        assertThat(Newlines.indexOf("ab\n".getBytes(UTF_8), 3)).isEqualTo(-1);
    }

    @Test
    void bytesThatDifferFromANewlineByOneBitOrOneUnitAreNotNewlines() {
        byte[] data = {0x0B, 0x09, 0x0A | (byte) 0x80, 0x1A, 0x0E, 0x08, 0x02, 0x4A, 0x0B, 0x0B, '\n'};

        assertThat(Newlines.indexOf(data, 0)).isEqualTo(10);
    }
}
