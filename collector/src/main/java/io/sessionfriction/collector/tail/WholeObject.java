package io.sessionfriction.collector.tail;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The check for the common line, at a fraction of Jackson's cost: well-formed UTF-8 and exactly one
 * JSON object, from its first byte to its last. Most of a transcript is string content, which this skips
 * eight bytes at a time.
 *
 * <p>It says yes only where {@link LineFramer}'s Jackson path would publish the line's bytes as they are:
 * Jackson, with {@link LineFramer#JSON}'s features and limits, reads them as that one object and nothing
 * else (RFC 8259: no comments, single quotes, leading zeros, NaN or control characters in strings), and
 * decoding replaces nothing (RFC 3629 UTF-8: no overlong forms, encoded surrogates or code points above
 * U+10FFFF). Everything else, including what is valid but unusual (whitespace around the object, two
 * objects, an escaped surrogate, a name or number near Jackson's length limits), gets a no, and
 * {@link LineFramer} asks Jackson, which also words the error.
 */
final class WholeObject {

    private static final int NO = -1;
    private static final StreamReadConstraints LIMITS = LineFramer.JSON.streamReadConstraints();
    /** The characters that may follow a backslash on their own ({@code u} takes four hex digits). */
    private static final boolean[] SINGLE_ESCAPES = new boolean[128];

    static {
        for (char c : "\"\\/bfnrt".toCharArray()) {
            SINGLE_ESCAPES[c] = true;
        }
    }

    private WholeObject() {
    }

    /** True when bytes [from, to) are well-formed UTF-8 and one JSON object, with nothing before or after it. */
    static boolean spans(byte[] bytes, int from, int to) {
        return from < to && bytes[from] == '{' && object(bytes, from, to, 1) == to;
    }

    // Each reader below starts at its value's first byte and returns the index just after the value, or NO.

    private static int value(byte[] b, int i, int to, int depth) {
        if (i >= to) {
            return NO;
        }
        return switch (b[i]) {
            case '{' -> object(b, i, to, depth + 1);
            case '[' -> array(b, i, to, depth + 1);
            case '"' -> string(b, i, to);
            case 't' -> literal(b, i, to, "true");
            case 'f' -> literal(b, i, to, "false");
            case 'n' -> literal(b, i, to, "null");
            default -> number(b, i, to);
        };
    }

    private static int object(byte[] b, int i, int to, int depth) {
        if (depth > LIMITS.getMaxNestingDepth()) {
            return NO;
        }
        i = whitespace(b, i + 1, to);
        if (i < to && b[i] == '}') {
            return i + 1;
        }
        while (i < to && b[i] == '"') {
            int nameStart = i;
            i = string(b, i, to);
            // Jackson limits the decoded name; its UTF-8 bytes are at least as many characters.
            if (i == NO || i - nameStart - 2 > LIMITS.getMaxNameLength()) {
                return NO;
            }
            i = whitespace(b, i, to);
            if (i >= to || b[i] != ':') {
                return NO;
            }
            i = value(b, whitespace(b, i + 1, to), to, depth);
            if (i == NO) {
                return NO;
            }
            i = whitespace(b, i, to);
            if (i < to && b[i] == '}') {
                return i + 1;
            }
            if (i >= to || b[i] != ',') {
                return NO;
            }
            i = whitespace(b, i + 1, to);
        }
        return NO;
    }

    private static int array(byte[] b, int i, int to, int depth) {
        if (depth > LIMITS.getMaxNestingDepth()) {
            return NO;
        }
        i = whitespace(b, i + 1, to);
        if (i < to && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            i = value(b, i, to, depth);
            if (i == NO) {
                return NO;
            }
            i = whitespace(b, i, to);
            if (i < to && b[i] == ']') {
                return i + 1;
            }
            if (i >= to || b[i] != ',') {
                return NO;
            }
            i = whitespace(b, i + 1, to);
        }
    }

    /** From the opening quote: plain runs skipped a word at a time, escapes and multi-byte characters checked one by one. */
    private static int string(byte[] b, int i, int to) {
        i++;
        while (true) {
            i = plainRunEnd(b, i, to);
            if (i >= to) {
                return NO;
            }
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i = escape(b, i + 1, to);
            } else if (c < 0) {
                i = utf8(b, i, to);
            } else {
                return NO; // a control character
            }
            if (i == NO) {
                return NO;
            }
        }
    }

    /** The first byte from {@code i} that is not printable ASCII other than a quote or backslash. */
    private static int plainRunEnd(byte[] b, int i, int to) {
        for (; i <= to - Swar.WIDTH; i += Swar.WIDTH) {
            long word = Swar.word(b, i);
            long stops = Swar.equal(word, (byte) '"') | Swar.equal(word, (byte) '\\') | Swar.controlOrNotAscii(word);
            if (stops != 0) {
                return i + Swar.first(stops);
            }
        }
        while (i < to && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\') {
            i++;
        }
        return i;
    }

    /**
     * After a backslash: one of {@code " \ / b f n r t}, or {@code u} and four hex digits. An escaped
     * surrogate ({@code \uD800}-{@code \uDFFF}) is left to Jackson: it checks the pairing in names.
     */
    private static int escape(byte[] b, int i, int to) {
        if (i >= to || b[i] < 0) {
            return NO;
        }
        if (SINGLE_ESCAPES[b[i]]) {
            return i + 1;
        }
        boolean unicode = b[i] == 'u' && i + 5 <= to
                && hex(b[i + 1]) && hex(b[i + 2]) && hex(b[i + 3]) && hex(b[i + 4]) && !surrogate(b[i + 1], b[i + 2]);
        return unicode ? i + 5 : NO;
    }

    private static boolean surrogate(byte firstHex, byte secondHex) {
        return (firstHex == 'd' || firstHex == 'D') && "89abcdefABCDEF".indexOf(secondHex) >= 0;
    }

    /**
     * From a byte of 0x80 or above: one well-formed multi-byte character (the Unicode standard's table of
     * well-formed UTF-8, which is what Java decodes without a replacement).
     */
    private static int utf8(byte[] b, int i, int to) {
        int lead = b[i] & 0xFF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            return i + 1 < to && between(b[i + 1], 0x80, 0xBF) ? i + 2 : NO;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            int low = lead == 0xE0 ? 0xA0 : 0x80; // below: an overlong form
            int high = lead == 0xED ? 0x9F : 0xBF; // above: a surrogate
            return i + 2 < to && between(b[i + 1], low, high) && between(b[i + 2], 0x80, 0xBF) ? i + 3 : NO;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            int low = lead == 0xF0 ? 0x90 : 0x80; // below: an overlong form
            int high = lead == 0xF4 ? 0x8F : 0xBF; // above: beyond U+10FFFF
            return i + 3 < to && between(b[i + 1], low, high) && between(b[i + 2], 0x80, 0xBF)
                    && between(b[i + 3], 0x80, 0xBF) ? i + 4 : NO;
        }
        return NO;
    }

    private static boolean between(byte b, int low, int high) {
        int unsigned = b & 0xFF;
        return unsigned >= low && unsigned <= high;
    }

    private static int literal(byte[] b, int i, int to, String word) {
        int end = i + word.length();
        if (end > to) {
            return NO;
        }
        for (int k = 1; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return NO;
            }
        }
        return end;
    }

    /** {@code -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?}, no longer than Jackson's number limit. */
    private static int number(byte[] b, int i, int to) {
        int start = i;
        if (i < to && b[i] == '-') {
            i++;
        }
        if (i < to && b[i] == '0') {
            i++;
        } else {
            i = digits(b, i, to);
        }
        if (i != NO && i < to && b[i] == '.') {
            i = digits(b, i + 1, to);
        }
        if (i != NO && i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            i = digits(b, i, to);
        }
        return i == NO || i - start > LIMITS.getMaxNumberLength() ? NO : i;
    }

    /** One or more digits. */
    private static int digits(byte[] b, int i, int to) {
        int start = i;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i > start ? i : NO;
    }

    private static int whitespace(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean hex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
