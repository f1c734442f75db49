package io.sessionfriction.processor.alert;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sessionfriction.processor.rules.Severity;

/**
 * A friction alert as published on {@code friction-alerts} (or {@code friction-alerts-suppressed}),
 * keyed by session. Re-emissions of one alert share its {@code alertId} and carry a higher
 * {@code count} and {@code escalation}: consumers keep the latest per alertId.
 *
 * @param alertId      deterministic: a hash of (session, rule, fingerprint)
 * @param sessionId    the session key (the transcript's id from its path)
 * @param fingerprint  what makes occurrences of the rule "the same problem" (see docs/rules.md)
 * @param timestamp    event time of the line that triggered this emission
 * @param count        occurrences so far (distinct lines or tool calls)
 * @param escalation   0 for the first emission, then 1, 2, ... at each escalation threshold reached
 * @param secondsLost  time lost to the occurrences so far, where the rule measures it (waits); else 0
 * @param evidence     the last few occurrences, oldest first
 * @param block        the active block of the triggering line
 * @param sessionStart the earliest event time seen for the session
 * @param suppressedBy the fix reference when the session started before a matching fix, else null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FrictionAlert(
        int schemaVersion,
        String alertId,
        String sessionId,
        String user,
        String rule,
        String category,
        Severity severity,
        List<String> labels,
        String fingerprint,
        Instant timestamp,
        long count,
        int escalation,
        double secondsLost,
        List<Evidence> evidence,
        Context context,
        Block block,
        Instant sessionStart,
        String suppressedBy) {

    public static final int SCHEMA_VERSION = 1;

    /** One occurrence: the line it was seen on and what matched. */
    public record Evidence(String uuid, Instant timestamp, String excerpt) {
    }

    /** What the analyst and the agent were doing: the Bash call involved and the last prompts before it. */
    public record Context(String command, String description, String cwd, List<String> lastUserMessages) {
    }

    /** An active block: from its first to its last event so far. */
    public record Block(Instant start, Instant end) {
    }

    FrictionAlert withEvidence(List<Evidence> latest) {
        return new FrictionAlert(schemaVersion, alertId, sessionId, user, rule, category, severity, labels,
                fingerprint, timestamp, count, escalation, secondsLost, latest, context, block, sessionStart, suppressedBy);
    }

    FrictionAlert suppressed(String reference) {
        return new FrictionAlert(schemaVersion, alertId, sessionId, user, rule, category, severity, labels,
                fingerprint, timestamp, count, escalation, secondsLost, evidence, context, block, sessionStart, reference);
    }
}
