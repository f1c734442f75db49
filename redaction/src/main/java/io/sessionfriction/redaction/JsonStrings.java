package io.sessionfriction.redaction;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The string literals inside raw, possibly broken, JSON text. In such text a secret can hide behind
 * escapes ({@code \"password\": \"...\"}, a PEM key's lines joined by {@code \n}), so each literal that
 * holds an escape is decoded, redacted as the string it stands for and written back escaped. Lenient: an
 * unterminated literal runs to the end of the text, an invalid escape stands for itself.
 */
final class JsonStrings {

    private JsonStrings() {
    }

    static String redactLiterals(String text, UnaryOperator<String> redact) {
        StringBuilder out = null;
        int copied = 0;
        int i = text.indexOf('"');
        while (i >= 0) {
            int end = closingQuote(text, i + 1);
            String body = text.substring(i + 1, end);
            if (body.indexOf('\\') >= 0) {
                String decoded = decode(body);
                String redacted = redact.apply(decoded);
                if (!redacted.equals(decoded)) {
                    if (out == null) {
                        out = new StringBuilder(text.length());
                    }
                    out.append(text, copied, i + 1);
                    out.append(JsonStringEncoder.getInstance().quoteAsString(redacted));
                    copied = end;
                }
            }
            i = end + 1 < text.length() ? text.indexOf('"', end + 1) : -1;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return text.length();
    }

    static String decode(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char escaped = body.charAt(i + 1);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '"', '\\', '/' -> out.append(escaped);
                case 'u' -> {
                    if (i + 6 <= body.length() && isHex(body, i + 2, i + 6)) {
                        out.append((char) Integer.parseInt(body, i + 2, i + 6, 16));
                        i += 4;
                    } else {
                        out.append(c).append(escaped);
                    }
                }
                default -> out.append(c).append(escaped);
            }
            i++;
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
