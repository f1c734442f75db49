package io.sessionfriction.processor.alert;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A fix shipped at {@code fixedAt}: alerts of {@code rule} (any rule if null) whose fingerprint or
 * evidence matches {@code pattern} (anything if null) come from a problem that is already fixed when
 * their session started before it.
 */
public record Fix(String rule, Pattern pattern, Instant fixedAt, String reference) {

    /** True when this fix explains the alert: same problem, and the session predates the fix. */
    boolean suppresses(FrictionAlert alert) {
        if (rule != null && !rule.equals(alert.rule())) {
            return false;
        }
        if (pattern != null && !pattern.matcher(alert.fingerprint()).find()
                && alert.evidence().stream().noneMatch(e -> e.excerpt() != null && pattern.matcher(e.excerpt()).find())) {
            return false;
        }
        return alert.sessionStart() != null && alert.sessionStart().isBefore(fixedAt);
    }
}
