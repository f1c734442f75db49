package io.sessionfriction.redaction;

import java.util.regex.Pattern;

/**
 * The text that stands where a secret was: {@code [REDACTED:<kind>]}, or {@code [REDACTED:<kind>:<hash>]}
 * with a deployment key. Anything that identifies a problem (alert fingerprints and ids, normalized
 * commands) reads it {@link #withoutHashes without the hash}, so one problem stays one alert whatever
 * secret it printed, and rotating the key changes no id.
 */
public final class Placeholders {

    public static final String PREFIX = "[REDACTED:";
    private static final Pattern HASHED = Pattern.compile("\\[REDACTED:([a-z0-9-]+):[0-9a-f]{" + RedactionKey.TAG_BYTES * 2 + "}]");

    private Placeholders() {
    }

    static String of(String kind, String tag) {
        return tag == null ? PREFIX + kind + "]" : PREFIX + kind + ":" + tag + "]";
    }

    /** The text with each placeholder's hash taken out: {@code [REDACTED:jwt:3f9a1c2b]} becomes {@code [REDACTED:jwt]}. */
    public static String withoutHashes(String text) {
        if (text == null || !text.contains(PREFIX)) {
            return text;
        }
        return HASHED.matcher(text).replaceAll("[REDACTED:$1]");
    }
}
