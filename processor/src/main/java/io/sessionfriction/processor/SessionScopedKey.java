package io.sessionfriction.processor;

import java.util.Optional;

/**
 * The key of an entry that belongs to one session among others of it: {@code sessionKey|id} (a command
 * by its tool_use id, a tool call, an alert by its id). Keyed this way, a session's entries partition
 * with it, and a prefix scan of {@link #prefix} finds them all, in the stores and on {@code command-progress}.
 */
public final class SessionScopedKey {

    private static final char SEPARATOR = '|';

    private SessionScopedKey() {
    }

    public static String of(String sessionKey, String id) {
        return prefix(sessionKey) + id;
    }

    /** What every key of the session's entries starts with. */
    public static String prefix(String sessionKey) {
        return sessionKey + SEPARATOR;
    }

    /** The session a key belongs to; empty for a key that is not scoped to one. */
    public static Optional<String> sessionOf(String key) {
        int separator = key == null ? -1 : key.indexOf(SEPARATOR);
        return separator < 0 ? Optional.empty() : Optional.of(key.substring(0, separator));
    }
}
