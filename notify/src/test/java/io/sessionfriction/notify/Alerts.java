package io.sessionfriction.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.rules.Severity;

/** Builders of friction alerts as the processor publishes them, at a fixed base time. */
public final class Alerts {

    public static final Instant T0 = Instant.parse("2026-02-11T20:00:00Z");
    public static final String SESSION = "06c6dec9-4fdf-44df-86b7-9ed468a70a6d";

    private Alerts() {
    }

    public static Builder aPermissionDenied() {
        return new Builder("permission-denied", "permission", Severity.HIGH,
                "Bash | cp target/finance_summary.csv /data/shared/finance/");
    }

    public static Builder aToolError() {
        return new Builder("tool-error", "tool-failure", Severity.MEDIUM, "Bash | Bash | dbt run");
    }

    /** An alert; {@code at} is the event time of the line that raised it. */
    public static final class Builder {
        private final String rule;
        private final String category;
        private final Severity severity;
        private final String fingerprint;
        private String session = SESSION;
        private String user = "carol";
        private Instant at = T0;
        private long count = 1;
        private int escalation;
        private String suppressedBy;
        private double secondsLost;

        private Builder(String rule, String category, Severity severity, String fingerprint) {
            this.rule = rule;
            this.category = category;
            this.severity = severity;
            this.fingerprint = fingerprint;
        }

        public Builder at(Instant time) {
            at = time;
            return this;
        }

        public Builder ago(Duration age) {
            return at(T0.minus(age));
        }

        public Builder session(String id) {
            session = id;
            return this;
        }

        public Builder user(String name) {
            user = name;
            return this;
        }

        public Builder escalated(long newCount, int level) {
            count = newCount;
            escalation = level;
            return this;
        }

        /** Time the occurrences cost, as the rules that measure waits report it. */
        public Builder lost(double seconds) {
            secondsLost = seconds;
            return this;
        }

        public Builder suppressedBy(String reference) {
            suppressedBy = reference;
            return this;
        }

        public FrictionAlert build() {
            return new FrictionAlert(FrictionAlert.SCHEMA_VERSION, Integer.toHexString((session + rule + fingerprint).hashCode()),
                    session, user, rule, category, severity, List.of("security"), fingerprint, at, count, escalation, secondsLost,
                    List.of(new FrictionAlert.Evidence("u-" + count, at,
                            "cp: cannot create regular file '/data/shared/finance/finance_summary.csv': Permission denied")),
                    new FrictionAlert.Context("cp target/finance_summary.csv /data/shared/finance/", "Copy to the shared folder",
                            "/home/carol/finance", List.of("publish the summary")),
                    new FrictionAlert.Block(at.minusSeconds(60), at), at.minusSeconds(600), suppressedBy);
        }
    }
}
