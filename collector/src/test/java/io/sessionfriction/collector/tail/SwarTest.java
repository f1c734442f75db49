package io.sessionfriction.collector.tail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class SwarTest {

    /** Index of the first byte of the word that passes the test, or 8. */
    private interface ByteTest {
        boolean test(int unsignedByte);
    }

    private static int naiveFirst(byte[] bytes, ByteTest test) {
        for (int i = 0; i < Swar.WIDTH; i++) {
            if (test.test(bytes[i] & 0xFF)) {
                return i;
            }
        }
        return Swar.WIDTH;
    }

    private static int first(long flags) {
        return flags == 0 ? Swar.WIDTH : Swar.first(flags);
    }

    @Property(tries = 5000)
    void theFirstFlaggedByteIsTheFirstMatchingByte(@ForAll @Size(8) byte[] bytes, @ForAll byte value) {
        // Plant the value and its neighbours, where a borrow would show a wrong flag.
        bytes[Math.floorMod(value, 8)] = value;
        bytes[Math.floorMod(value * 7, 8)] = (byte) (value + 1);
        long word = Swar.word(bytes, 0);

        assertThat(first(Swar.equal(word, value))).isEqualTo(naiveFirst(bytes, b -> b == (value & 0xFF)));
        assertThat(first(Swar.controlOrNotAscii(word))).isEqualTo(naiveFirst(bytes, b -> b < 0x20 || b >= 0x80));
    }

    @Test
    void theFirstByteOfTheArrayIsTheLowestOfTheWord() {
        byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9};

        assertThat(Swar.word(bytes, 1)).isEqualTo(0x0908070605040302L);
    }
}
