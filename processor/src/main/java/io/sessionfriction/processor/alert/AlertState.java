package io.sessionfriction.processor.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * One alert's state (store {@code alert-state}): its latest form, the escalation level last emitted,
 * and the keys of its recent occurrences, so a failure seen on two lines counts once. Each occurrence
 * adds one key and one evidence entry, so the evidence lines up with the last keys.
 */
public record AlertState(FrictionAlert alert, int emittedLevel, List<String> recentKeys) {

    static final int KEYS_KEPT = 20;

    public AlertState {
        recentKeys = recentKeys == null ? List.of() : List.copyOf(recentKeys);
    }

    /**
     * What an alert of a session idle for longer than the allowed lateness keeps: its form, count and level;
     * its occurrence keys go, since no later line can belong to an occurrence that old.
     */
    AlertState compacted() {
        return new AlertState(alert, emittedLevel, List.of());
    }

    boolean seen(String key) {
        return recentKeys.contains(key);
    }

    /** The occurrence {@code key}'s evidence replaced by a later line of it, if it is still shown. */
    AlertState withLatestLineOf(String key, FrictionAlert.Evidence latest) {
        List<FrictionAlert.Evidence> evidence = new ArrayList<>(alert.evidence());
        int fromEnd = recentKeys.size() - 1 - recentKeys.lastIndexOf(key);
        if (fromEnd >= evidence.size()) {
            return this;
        }
        evidence.set(evidence.size() - 1 - fromEnd, latest);
        return new AlertState(alert.withEvidence(evidence), emittedLevel, recentKeys);
    }

    List<String> keysWith(String key) {
        List<String> keys = new ArrayList<>(recentKeys);
        keys.add(key);
        return keys.size() <= KEYS_KEPT ? keys : keys.subList(keys.size() - KEYS_KEPT, keys.size());
    }
}
