package io.sessionfriction.collector.tail;

/** Finds line ends: the scan over every byte read, so it looks at eight bytes per step. */
final class Newlines {

    private Newlines() {
    }

    /** Index of the first {@code '\n'} at or after {@code from}, or -1. */
    static int indexOf(byte[] data, int from) {
        int i = from;
        for (; i <= data.length - Swar.WIDTH; i += Swar.WIDTH) {
            long found = Swar.equal(Swar.word(data, i), (byte) '\n');
            if (found != 0) {
                return i + Swar.first(found);
            }
        }
        for (; i < data.length; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
