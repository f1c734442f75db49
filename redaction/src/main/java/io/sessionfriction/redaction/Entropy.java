package io.sessionfriction.redaction;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy of a value's chars: random tokens score about 4 to 6 bits per char, words and ids less. */
final class Entropy {

    private Entropy() {
    }

    /**
     * Whether the value is as random as {@code minBits} asks, or as random as a value of its length can
     * be (a 10-char value has at most log2(10) = 3.3 bits per char): a token cut short still counts.
     */
    static boolean atLeast(CharSequence value, double minBits) {
        double reachable = Math.log(value.length()) / Math.log(2) - 0.5;
        return bitsPerChar(value) >= Math.min(minBits, reachable);
    }

    static double bitsPerChar(CharSequence value) {
        int length = value.length();
        if (length == 0) {
            return 0;
        }
        int[] ascii = new int[128];
        Map<Character, Integer> other = null;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 128) {
                ascii[c]++;
            } else {
                if (other == null) {
                    other = new HashMap<>();
                }
                other.merge(c, 1, Integer::sum);
            }
        }
        double bits = 0;
        for (int count : ascii) {
            bits += term(count, length);
        }
        if (other != null) {
            for (int count : other.values()) {
                bits += term(count, length);
            }
        }
        return bits;
    }

    private static double term(int count, int length) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / length;
        return -p * (Math.log(p) / Math.log(2));
    }
}
