package io.sessionfriction.launcher.runtime;

/**
 * Text from transcripts made safe to print on a terminal: control characters (C0, DEL, C1, so every escape
 * sequence: clear screen, set window title, colours) are shown as {@code \xHH}, and the bidirectional
 * overrides that can reorder what a line appears to say as {@code \\uHHHH}. Everything else is printed as is.
 */
final class TerminalText {

    private TerminalText() {
    }

    static String escaped(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = Character.getType(c) == Character.CONTROL ? String.format("\\x%02x", (int) c)
                    : isBidiControl(c) ? String.format("\\u%04x", (int) c) : null;
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f'
                || c == '\u061c';
    }
}
