package io.sessionfriction.processor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store's latest values, kept decoded for the keys used most recently. A session's entry is
 * read and rewritten for each of its lines; decoding it from JSON on every read was about a sixth of the
 * stream thread's work on a replay (docs/benchmarks.md).
 *
 * <p>Write-through: every put and delete reaches the store (and its changelog) first, so the store stays
 * the truth. Valid only for a store that nothing else writes, whose values are immutable, and with one
 * instance per processor {@code init}: a task that is initialised again after a failure reads its
 * restored store, not what this held.
 */
public final class DecodedValues<V> {

    private final KeyValueStore<String, V> store;
    private final Map<String, V> recent;

    public DecodedValues(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.recent = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public V get(String key) {
        V value = recent.get(key);
        if (value == null) {
            value = store.get(key);
            if (value != null) {
                recent.put(key, value);
            }
        }
        return value;
    }

    public void put(String key, V value) {
        store.put(key, value);
        recent.put(key, value);
    }

    public void delete(String key) {
        store.delete(key);
        recent.remove(key);
    }
}
