package io.sessionfriction.processor.event;

/**
 * Shortens long text to a cap, keeping its head and tail: errors print their cause last (a stack trace,
 * rsync's summary line), commands their intent first.
 */
public final class TextCap {

    private TextCap() {
    }

    public static String cap(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        String marker = "\n…[" + (text.length() - maxChars) + " chars cut]…\n";
        int keep = maxChars - marker.length();
        int head = keep / 2;
        return text.substring(0, head) + marker + text.substring(text.length() - (keep - head));
    }
}
