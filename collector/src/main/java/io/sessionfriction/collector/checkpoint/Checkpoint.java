package io.sessionfriction.collector.checkpoint;

/**
 * How far a file has been published, committed with the records it covers.
 *
 * @param file        path relative to the sessions root (the record key)
 * @param offset      first byte not yet consumed
 * @param line        number of lines fully consumed (the next line is {@code line + 1})
 * @param midLine     the bytes before {@code offset} end inside a line: an unterminated last line was
 *                    published after the quiet period, so a newline arriving later must not make it a
 *                    second event
 * @param prefixHash  fingerprint of the bytes [0, offset), to recognise a replaced or rewritten file
 * @param sessionKey  the key the file's events are published under (stable once chosen)
 * @param user        the file's user
 * @param skipped     the file is not a transcript (another tool's file); it stays skipped until its prefix changes
 */
public record Checkpoint(String file, long offset, long line, boolean midLine, String prefixHash,
        String sessionKey, String user, boolean skipped) {

    public static Checkpoint start(String file, String user) {
        return new Checkpoint(file, 0, 0, false, "", null, user, false);
    }
}
