package io.sessionfriction.replay.catalogue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One session as replay sees it: a main transcript and its subagent files, under one session key.
 *
 * @param first earliest own event timestamp over all its files, null when none has one
 * @param last  latest own event timestamp over all its files, null when none has one
 * @param files ordered by relative path
 */
public record SessionSpan(String sessionKey, String user, Instant first, Instant last, List<FileSpan> files) {

    public SessionSpan {
        files = files.stream().sorted(Comparator.comparing(f -> f.file().relativePath())).toList();
    }

    static SessionSpan of(String sessionKey, List<FileSpan> files) {
        Instant first = files.stream().map(FileSpan::first).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        Instant last = files.stream().map(FileSpan::last).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        // The main transcript names the user; subagent files sit in the same user folder anyway.
        String user = files.stream().map(f -> f.file().user()).sorted().findFirst().orElse("unknown");
        return new SessionSpan(sessionKey, user, first, last, files);
    }

    public boolean hasTime() {
        return first != null;
    }

    public long events() {
        return files.stream().mapToLong(FileSpan::events).sum();
    }

    public long lines() {
        return files.stream().mapToLong(FileSpan::lines).sum();
    }

    public long bytes() {
        return files.stream().mapToLong(FileSpan::bytes).sum();
    }
}
