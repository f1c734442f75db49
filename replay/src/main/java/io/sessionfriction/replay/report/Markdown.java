package io.sessionfriction.replay.report;

/**
 * Transcript text in Markdown that a tracker renders (with some HTML): always as code, in a code span or a
 * fenced block whose backtick run is longer than any run inside, so no command, output or name can become
 * markup, a link or a tag, or close the code early.
 */
final class Markdown {

    private static final int FENCE_AT_LEAST = 3;

    private Markdown() {
    }

    /** {@code text} on one line as an inline code span; for a table cell, its pipes escaped. */
    static String code(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return "(empty)";
        }
        String ticks = "`".repeat(longestRun(flat) + 1);
        // A span that starts or ends with a backtick needs a space inside its delimiters (one is stripped).
        boolean pad = flat.startsWith("`") || flat.endsWith("`");
        return ticks + (pad ? " " : "") + flat + (pad ? " " : "") + ticks;
    }

    static String cell(String text) {
        return code(text).replace("|", "\\|");
    }

    /** The fence for a block holding {@code text}: longer than any backtick run in it. */
    static String fence(String text) {
        return "`".repeat(Math.max(FENCE_AT_LEAST, longestRun(text) + 1));
    }

    private static int longestRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
