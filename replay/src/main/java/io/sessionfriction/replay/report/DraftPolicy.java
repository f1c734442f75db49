package io.sessionfriction.replay.report;

/**
 * Which friction points become issue drafts: those seen in at least {@code minSessions} sessions, or at
 * least {@code minOccurrences} times in one session, the {@code maxDrafts} most harmful of them. A
 * problem seen once in one session is listed in the report, not drafted: a tracker fills with one-offs
 * nobody can reproduce, and a person files what comes back; past a score of drafts nobody reads the rest.
 */
public record DraftPolicy(int minSessions, long minOccurrences, int maxDrafts) {

    public static final int DEFAULT_MIN_SESSIONS = 2;
    public static final long DEFAULT_MIN_OCCURRENCES = 3;
    public static final int DEFAULT_MAX_DRAFTS = 20;
    public static final DraftPolicy DEFAULT = new DraftPolicy(DEFAULT_MIN_SESSIONS, DEFAULT_MIN_OCCURRENCES, DEFAULT_MAX_DRAFTS);

    public DraftPolicy {
        if (minSessions < 1) {
            throw new IllegalArgumentException("--draft-min-sessions must be at least 1, was " + minSessions);
        }
        if (minOccurrences < 1) {
            throw new IllegalArgumentException("--draft-min-occurrences must be at least 1, was " + minOccurrences);
        }
        if (maxDrafts < 0) {
            throw new IllegalArgumentException("--max-drafts must be 0 or more, was " + maxDrafts);
        }
    }

    /** Whether the point came back enough to be drafted, given how many more harmful points already are. */
    boolean drafts(FrictionPoint point, int draftedBefore) {
        return draftedBefore < maxDrafts
                && (point.sessions().size() >= minSessions || point.mostInOneSession() >= minOccurrences);
    }

    /** The rule in words, for the report's pages. */
    String describe() {
        return "seen in at least " + minSessions + (minSessions == 1 ? " session" : " sessions") + " or at least "
                + minOccurrences + (minOccurrences == 1 ? " time" : " times") + " in one, the " + maxDrafts + " most harmful at most";
    }
}
