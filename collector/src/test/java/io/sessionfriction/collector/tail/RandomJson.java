package io.sessionfriction.collector.tail;

import java.util.Random;

/** Random JSON objects shaped like transcript lines (ASCII and UTF-8), and small random edits that mostly break them. */
final class RandomJson {

    private static final String[] NUMBERS = {"0", "-0", "7", "42", "-13", "3.25", "-0.5", "1e5", "2E-7", "6.02e+23",
        "10.0E10", "123456789012345678901234567890"};
    private static final String[] STRING_PIECES = {"a", "text", " ", "}{", "[", ",", ":", "\\n", "\\\"", "\\\\",
        "\\/", "\\t", "\\b", "\\f", "\\r", "\\u00e9", "\\uD83D\\uDE00", "\\u0000", "\u007f", "0123456789abcdef",
        "\u00e9", "\u2713", "\uD83D\uDE00", "\uFFFD"};
    /** Structural bytes, whitespace, control and non-ASCII characters, and bytes that begin tokens. */
    private static final String EDITS = "{}[]\":,\\/0123456789.eE+-tfnu xa\t\r\n\u0001\u001f'#\u00e9\u2713";

    private RandomJson() {
    }

    static String object(Random random, int depth) {
        StringBuilder json = new StringBuilder("{").append(space(random));
        int members = random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                json.append(',').append(space(random));
            }
            json.append(string(random)).append(space(random)).append(':').append(space(random))
                    .append(value(random, depth + 1)).append(space(random));
        }
        return json.append('}').toString();
    }

    static String mutate(Random random, String json) {
        StringBuilder edited = new StringBuilder(json);
        for (int edits = 1 + random.nextInt(3); edits > 0 && edited.length() > 0; edits--) {
            int at = random.nextInt(edited.length());
            char c = EDITS.charAt(random.nextInt(EDITS.length()));
            switch (random.nextInt(4)) {
                case 0 -> edited.deleteCharAt(at);
                case 1 -> edited.insert(at, c);
                case 2 -> edited.setCharAt(at, c);
                default -> edited.setLength(at);
            }
        }
        return edited.toString();
    }

    /** One to three bytes of {@code json} replaced or inserted, picked from {@code candidates}. */
    static byte[] mutateBytes(Random random, byte[] json, int[] candidates) {
        byte[] edited = json;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(edited.length);
            byte b = (byte) candidates[random.nextInt(candidates.length)];
            if (random.nextBoolean()) {
                edited[at] = b;
            } else {
                byte[] longer = new byte[edited.length + 1];
                System.arraycopy(edited, 0, longer, 0, at);
                longer[at] = b;
                System.arraycopy(edited, at, longer, at + 1, edited.length - at);
                edited = longer;
            }
        }
        return edited;
    }

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth < 4 ? 8 : 6);
        return switch (kind) {
            case 0, 1 -> string(random);
            case 2 -> NUMBERS[random.nextInt(NUMBERS.length)];
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            case 5 -> "[]";
            case 6 -> object(random, depth);
            default -> array(random, depth);
        };
    }

    private static String array(Random random, int depth) {
        StringBuilder json = new StringBuilder("[").append(space(random));
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                json.append(',').append(space(random));
            }
            json.append(value(random, depth + 1)).append(space(random));
        }
        return json.append(']').toString();
    }

    /** Strings of every length around the eight-byte steps, with escapes anywhere in them. */
    private static String string(Random random) {
        StringBuilder s = new StringBuilder("\"");
        for (int pieces = random.nextInt(12); pieces > 0; pieces--) {
            s.append(STRING_PIECES[random.nextInt(STRING_PIECES.length)]);
        }
        return s.append('"').toString();
    }

    private static String space(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> " ";
            case 1 -> "\t";
            case 2 -> "\r\n ";
            default -> "";
        };
    }
}
