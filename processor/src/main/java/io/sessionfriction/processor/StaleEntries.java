package io.sessionfriction.processor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Deletes the entries of a store last seen before a horizon (or never given a time): see StateHorizons. */
public final class StaleEntries {

    private StaleEntries() {
    }

    public static <V> void delete(KeyValueStore<String, V> store, Instant horizon, Function<V, Instant> lastSeen) {
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> {
                Instant seen = lastSeen.apply(entry.value);
                if (seen == null || seen.isBefore(horizon)) {
                    stale.add(entry.key);
                }
            });
        }
        stale.forEach(store::delete);
    }
}
