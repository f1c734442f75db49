package io.sessionfriction.replay.report;

/**
 * Which friction points become issue drafts: those seen in at least {@code minSessions} sessions, or at
 * least {@code minOccurrences} times in one session. A problem seen once in one session is listed in
 * the report, not drafted: a tracker fills with one-offs nobody can reproduce, and a person files what
 * comes back.
 */
public record DraftPolicy(int minSessions, long minOccurrences) {

    public static final int DEFAULT_MIN_SESSIONS = 2;
    public static final long DEFAULT_MIN_OCCURRENCES = 3;
    public static final DraftPolicy DEFAULT = new DraftPolicy(DEFAULT_MIN_SESSIONS, DEFAULT_MIN_OCCURRENCES);

    public DraftPolicy {
        if (minSessions < 1) {
            throw new IllegalArgumentException("--draft-min-sessions must be at least 1, was " + minSessions);
        }
        if (minOccurrences < 1) {
            throw new IllegalArgumentException("--draft-min-occurrences must be at least 1, was " + minOccurrences);
        }
    }

    boolean drafts(FrictionPoint point) {
        return point.sessions().size() >= minSessions || point.mostInOneSession() >= minOccurrences;
    }

    /** The rule in words, for the report's pages. */
    String describe() {
        return "seen in at least " + minSessions + (minSessions == 1 ? " session" : " sessions") + " or at least "
                + minOccurrences + (minOccurrences == 1 ? " time" : " times") + " in one";
    }
}
