package io.sessionfriction.collector.discover;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads user and session key from a transcript's path. The path, not the lines, names the transcript:
 * resumed sessions interleave two sessionIds in one file and subagent files carry the parent's id, so
 * keying by the path keeps one transcript on one key.
 *
 * <pre>
 *   &lt;root&gt;/&lt;user&gt;/&lt;yyyy-mm-dd&gt;_&lt;id&gt;.jsonl               key id
 *   &lt;root&gt;/&lt;user&gt;-&lt;yyyy-mm-dd&gt;-&lt;id&gt;.jsonl             key id, user from the name (flat, older)
 *   &lt;root&gt;/&lt;user&gt;/&lt;id&gt;.jsonl                             key id when it looks like an id (uuid / hex)
 *   &lt;root&gt;/&lt;user&gt;/&lt;id&gt;/subagents/agent-*.jsonl           key id (the parent session folder)
 * </pre>
 */
public final class SessionLayout {

    public static final String UNKNOWN_USER = "unknown";

    private static final Pattern DATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}_(.+)");
    private static final Pattern FLAT = Pattern.compile("(.+?)-(\\d{4}-\\d{2}-\\d{2})-(.+)");
    /** A uuid or a long hex id; names like {@code short} or {@code tool_heavy} are not ids. */
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,}");

    private SessionLayout() {
    }

    public static boolean isTranscriptName(Path path) {
        return path.getFileName().toString().endsWith(".jsonl");
    }

    /** The layout's reading of a file under {@code root}. */
    public static SessionFile describe(Path root, Path file) {
        Path relative = root.relativize(file);
        String relativePath = relative.toString().replace('\\', '/');
        String stem = stem(file);
        Matcher flat = FLAT.matcher(stem);
        String user;
        if (relative.getNameCount() > 1) {
            user = relative.getName(0).toString();
        } else {
            user = flat.matches() ? flat.group(1) : UNKNOWN_USER;
        }
        return new SessionFile(file, relativePath, user, keyFromName(relative, stem, flat));
    }

    private static Optional<String> keyFromName(Path relative, String stem, Matcher flat) {
        int n = relative.getNameCount();
        if (n >= 3 && relative.getName(n - 2).toString().equals("subagents")) {
            return Optional.of(relative.getName(n - 3).toString());
        }
        Matcher dated = DATED.matcher(stem);
        if (dated.matches()) {
            return Optional.of(dated.group(1));
        }
        if (flat.matches()) {
            return Optional.of(flat.group(3));
        }
        return ID.matcher(stem).matches() ? Optional.of(stem) : Optional.empty();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".jsonl".length());
    }
}
