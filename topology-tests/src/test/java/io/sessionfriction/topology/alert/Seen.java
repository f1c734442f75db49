package io.sessionfriction.topology.alert;

import io.sessionfriction.processor.alert.FrictionAlert;

/** The identity and progress of an alert, for specifications that list what was published. */
record Seen(String rule, String fingerprint, long count, int escalation) {

    static Seen of(FrictionAlert alert) {
        return new Seen(alert.rule(), alert.fingerprint(), alert.count(), alert.escalation());
    }
}
