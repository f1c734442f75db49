package io.sessionfriction.processor.alert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a failure's text the way a person skims it: the line that reports the error (not "Exit code 1",
 * not a banner), and a signature of the whole text to tell "the same error again" from a new one.
 */
final class FailureText {

    private static final Pattern EXIT_CODE = Pattern.compile("^(Error: )?Exit code \\d+$");
    private static final Pattern TAGS = Pattern.compile("</?tool_use_error>");
    private static final Pattern REPORTS_ERROR = Pattern.compile("\\b(errors?|fail(s|ed|ures?)?|fatal|denied|not found|cannot|can't"
            + "|could not|couldn't|unable|invalid|exception|traceback|panic|refused|timed out|no such|does not exist|rejected|blocked)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A line break, or the two characters of one escaped: a hook that echoes "a\\nb" means two lines. */
    private static final Pattern LINE_BREAK = Pattern.compile("\n|\\\\n");
    static final int LINE_CHARS = 200;
    /** Lines of a text that make its signature: enough to compare two failures, small enough to store. */
    static final int SIGNATURE_LINES = 40;
    /** Two failures are the same error when at least half their distinct lines are shared. */
    static final double SAME_ERROR = 0.5;

    private FailureText() {
    }

    /** The first line that reports the error; else the first line after the exit code; null for no text. */
    static String firstErrorLine(String errorText) {
        if (errorText == null) {
            return null;
        }
        String first = null;
        for (String raw : LINE_BREAK.split(TAGS.matcher(errorText).replaceAll(""))) {
            String line = raw.strip();
            if (line.isEmpty() || EXIT_CODE.matcher(line).matches()) {
                continue;
            }
            if (first == null) {
                first = line;
            }
            if (REPORTS_ERROR.matcher(line).find()) {
                return cap(line);
            }
        }
        return first == null ? null : cap(first);
    }

    /** Hashes of the text's distinct lines, volatile parts masked (a seed, a duration, a path differ between runs). */
    static List<Integer> signature(String errorText) {
        Set<Integer> hashes = new LinkedHashSet<>();
        if (errorText != null) {
            for (String raw : errorText.split("\n")) {
                String line = Fingerprints.mask(raw.strip());
                if (line.length() >= 4 && !EXIT_CODE.matcher(line).matches()) {
                    hashes.add(line.hashCode());
                }
                if (hashes.size() == SIGNATURE_LINES) {
                    break;
                }
            }
        }
        return new ArrayList<>(hashes);
    }

    static boolean similar(List<Integer> a, List<Integer> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        Set<Integer> union = new HashSet<>(a);
        union.addAll(b);
        Set<Integer> shared = new HashSet<>(a);
        shared.retainAll(b);
        return shared.size() >= SAME_ERROR * union.size();
    }

    private static String cap(String line) {
        return line.length() <= LINE_CHARS ? line : line.substring(0, LINE_CHARS) + "…";
    }
}
