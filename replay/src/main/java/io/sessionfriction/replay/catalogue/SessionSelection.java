package io.sessionfriction.replay.catalogue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which sessions a replay takes: those whose own event time span overlaps [since, until), of the given
 * users. File dates play no part: a transcript copied yesterday may hold a session of last month.
 * Without a range every session is taken, also those without any timestamp (the pipeline reports
 * their lines to the DLQ, as a live run does); with a range those cannot be placed and are left out.
 */
public record SessionSelection(Optional<Instant> since, Optional<Instant> until, Set<String> users) {

    public SessionSelection {
        users = Set.copyOf(new TreeSet<>(users));
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw new IllegalArgumentException("--since " + since.get() + " must be before --until " + until.get());
        }
    }

    public static SessionSelection all() {
        return new SessionSelection(Optional.empty(), Optional.empty(), Set.of());
    }

    public boolean selects(SessionSpan session) {
        if (!users.isEmpty() && !users.contains(session.user())) {
            return false;
        }
        if (since.isEmpty() && until.isEmpty()) {
            return true;
        }
        if (!session.hasTime()) {
            return false;
        }
        boolean endsAfterSince = since.map(s -> !session.last().isBefore(s)).orElse(true);
        boolean startsBeforeUntil = until.map(u -> session.first().isBefore(u)).orElse(true);
        return endsAfterSince && startsBeforeUntil;
    }

    /** A stable description for ids and the report: same selection, same text. */
    public String describe() {
        return "since=" + since.map(Instant::toString).orElse("-") + " until=" + until.map(Instant::toString).orElse("-")
                + " users=" + (users.isEmpty() ? "*" : String.join(",", new TreeSet<>(users)));
    }
}
