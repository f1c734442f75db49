package io.sessionfriction.launcher.cli.options;

import io.sessionfriction.replay.report.DraftPolicy;
import picocli.CommandLine.Option;

/** Which friction points a report drafts as issues (replay and report). */
public final class DraftOptions {

    @Option(names = "--draft-min-sessions", paramLabel = "N", defaultValue = "" + DraftPolicy.DEFAULT_MIN_SESSIONS,
            description = "Draft an issue for a friction point seen in at least N sessions (default: ${DEFAULT-VALUE}).")
    int minSessions;

    @Option(names = "--draft-min-occurrences", paramLabel = "N", defaultValue = "" + DraftPolicy.DEFAULT_MIN_OCCURRENCES,
            description = "Draft an issue also for a friction point seen at least N times in one session (default: "
                    + "${DEFAULT-VALUE}). The other points are listed in report.html and friction-points.json, not drafted.")
    long minOccurrences;

    @Option(names = "--max-drafts", paramLabel = "N", defaultValue = "" + DraftPolicy.DEFAULT_MAX_DRAFTS,
            description = "Draft at most the N most harmful of those points (default: ${DEFAULT-VALUE}).")
    int maxDrafts;

    public DraftPolicy policy() {
        return new DraftPolicy(minSessions, minOccurrences, maxDrafts);
    }
}
