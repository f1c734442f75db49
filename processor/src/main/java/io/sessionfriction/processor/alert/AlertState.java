package io.sessionfriction.processor.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * One alert's state (store {@code alert-state}, keyed by alertId): its latest form, the escalation
 * level last emitted, and the keys of its recent occurrences so a failure seen on two lines counts once.
 */
record AlertState(FrictionAlert alert, int emittedLevel, List<String> recentKeys) {

    static final int KEYS_KEPT = 20;

    AlertState {
        recentKeys = recentKeys == null ? List.of() : List.copyOf(recentKeys);
    }

    boolean seen(String key) {
        return recentKeys.contains(key);
    }

    List<String> keysWith(String key) {
        List<String> keys = new ArrayList<>(recentKeys);
        keys.add(key);
        return keys.size() <= KEYS_KEPT ? keys : keys.subList(keys.size() - KEYS_KEPT, keys.size());
    }
}
