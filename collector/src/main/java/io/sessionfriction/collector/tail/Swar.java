package io.sessionfriction.collector.tail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time: a {@code long} read from a byte array, and masks that set the high bit of each
 * byte matching a test. The masks are exact for the lowest (first) matching byte only: a borrow can flag
 * a byte above it, so callers use {@link #first} and never count flags.
 */
final class Swar {

    static final int WIDTH = Long.BYTES;

    /** Little-endian whatever the platform, so the lowest byte of the word is the first in the array. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Swar() {
    }

    /** The eight bytes at {@code [i, i + 8)}. */
    static long word(byte[] bytes, int i) {
        return (long) LONGS.get(bytes, i);
    }

    /** Flags the bytes equal to {@code value}. */
    static long equal(long word, byte value) {
        long zeroWhereEqual = word ^ (ONES * (value & 0xFF));
        return (zeroWhereEqual - ONES) & ~zeroWhereEqual & HIGH_BITS;
    }

    /** Flags the bytes below 0x20 (control characters) and from 0x80 (anything not ASCII). */
    static long controlOrNotAscii(long word) {
        return ((word - ONES * 0x20) | word) & HIGH_BITS;
    }

    /** Index in the word of the first flagged byte; {@code flags} must not be 0. */
    static int first(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }
}
