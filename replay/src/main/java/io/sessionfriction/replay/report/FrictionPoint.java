package io.sessionfriction.replay.report;

import java.time.Instant;
import java.util.List;

/**
 * One problem seen across sessions: every alert of one rule with one fingerprint.
 *
 * @param id               stable short id (hash of rule and fingerprint)
 * @param occurrences      sum of the final counts of its alerts
 * @param mostInOneSession the most occurrences in one session
 * @param secondsLost      time its occurrences cost, where the rule measures it (waits), summed over its alerts
 * @param firstSeen        earliest evidence kept by its alerts
 * @param lastSeen         latest evidence or alert time
 * @param evidence         up to {@value FrictionPoints#EVIDENCE_PER_POINT} excerpts, at most two per session, oldest first
 * @param related          other sessions where the same rule struck with another fingerprint
 * @param draft            the file name of its issue draft under {@code issues/}, or null when the draft policy
 *                         leaves it undrafted
 */
public record FrictionPoint(String id, String title, String rule, String category, String severity, Impact impact,
                            String fingerprint, String description, String rootCause, List<String> sessions,
                            List<String> users, long occurrences, long mostInOneSession, double secondsLost,
                            Instant firstSeen, Instant lastSeen, List<Excerpt> evidence, String command,
                            String commandDescription, List<String> related, List<String> labels, List<String> alertIds,
                            String draft) {

    /** One occurrence as shown in a draft. */
    public record Excerpt(String sessionId, String user, String uuid, Instant timestamp, String text) {
    }

    FrictionPoint withDraft(String fileName) {
        return new FrictionPoint(id, title, rule, category, severity, impact, fingerprint, description, rootCause, sessions,
                users, occurrences, mostInOneSession, secondsLost, firstSeen, lastSeen, evidence, command,
                commandDescription, related, labels, alertIds, fileName);
    }
}
