package io.sessionfriction.replay.report;

import java.time.Instant;
import java.util.List;

/**
 * One problem seen across sessions: every alert of one rule with one fingerprint.
 *
 * @param id          stable short id (hash of rule and fingerprint)
 * @param occurrences sum of the final counts of its alerts
 * @param firstSeen   earliest evidence kept by its alerts
 * @param lastSeen    latest evidence or alert time
 * @param evidence    up to {@value FrictionPoints#EVIDENCE_PER_POINT} excerpts, at most two per session, oldest first
 * @param related     other sessions where the same rule struck with another fingerprint
 */
public record FrictionPoint(String id, String title, String rule, String category, String severity, Impact impact,
                            String fingerprint, String description, String rootCause, List<String> sessions,
                            List<String> users, long occurrences, Instant firstSeen, Instant lastSeen,
                            List<Excerpt> evidence, String command, String commandDescription,
                            List<String> related, List<String> labels, List<String> alertIds) {

    /** One occurrence as shown in a draft. */
    public record Excerpt(String sessionId, String user, String uuid, Instant timestamp, String text) {
    }
}
