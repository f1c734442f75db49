package io.sessionfriction.processor.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store's values kept as objects between two commits: puts and deletes stay here and reach the
 * store below (serialised, record-cached, changelogged) only when Kafka Streams flushes the caches before it
 * commits, and the values read most recently stay decoded. A session's entry is read and rewritten on each
 * of its lines; encoding it to JSON on every put was the largest part of a replay's stream thread
 * (docs/benchmarks.md), and between two commits only the last value of a key reaches the changelog anyway.
 *
 * <p>Kafka Streams calls {@link #flushCache} on every cached store before it flushes the producer and
 * commits the transaction, so under exactly-once what is committed is exactly what was processed; on a
 * dirty close it calls {@link #clearCache}, and what was not committed is dropped with the rest of the
 * transaction. Values must be immutable (the stages' records are). Reads and scans see the pending writes;
 * every method is synchronized, as interactive queries call from other threads.
 */
public final class WriteBehindKeyValueStore<K, V> extends WrappedStateStore<KeyValueStore<K, V>, K, V>
        implements KeyValueStore<K, V> {

    private static final Object DELETED = new Object();

    private final Serde<K> keySerde;
    private final int decodedCapacity;
    /** Keys written since the last flush, in the order first written: a value, or {@link #DELETED}. */
    private final Map<K, Object> pending = new LinkedHashMap<>();
    private final Map<K, V> decoded;

    /** @param decodedCapacity how many values read or flushed most recently stay decoded */
    public WriteBehindKeyValueStore(KeyValueStore<K, V> store, Serde<K> keySerde, int decodedCapacity) {
        super(store);
        this.keySerde = keySerde;
        this.decodedCapacity = decodedCapacity;
        this.decoded = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > WriteBehindKeyValueStore.this.decodedCapacity;
            }
        };
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        pending.clear();
        decoded.clear();
        super.init(context, root);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized V get(K key) {
        Object written = pending.get(key);
        if (written != null) {
            return written == DELETED ? null : (V) written;
        }
        V value = decoded.get(key);
        if (value == null) {
            value = wrapped().get(key);
            if (value != null) {
                decoded.put(key, value);
            }
        }
        return value;
    }

    @Override
    public synchronized void put(K key, V value) {
        pending.put(key, value == null ? DELETED : value);
        decoded.remove(key);
    }

    @Override
    public synchronized V putIfAbsent(K key, V value) {
        V known = get(key);
        if (known == null) {
            put(key, value);
        }
        return known;
    }

    @Override
    public synchronized void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public synchronized V delete(K key) {
        V known = get(key);
        put(key, null);
        return known;
    }

    @Override
    public synchronized KeyValueIterator<K, V> range(K from, K to) {
        return merged(wrapped().range(from, to), inRange(from, to), false);
    }

    @Override
    public synchronized KeyValueIterator<K, V> reverseRange(K from, K to) {
        return merged(wrapped().reverseRange(from, to), inRange(from, to), true);
    }

    @Override
    public synchronized KeyValueIterator<K, V> all() {
        return merged(wrapped().all(), key -> true, false);
    }

    @Override
    public synchronized KeyValueIterator<K, V> reverseAll() {
        return merged(wrapped().reverseAll(), key -> true, true);
    }

    @Override
    public synchronized <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        Bytes start = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
        return merged(wrapped().prefixScan(prefix, prefixKeySerializer), key -> startsWith(bytes(key), start), false);
    }

    @Override
    public synchronized long approximateNumEntries() {
        return wrapped().approximateNumEntries() + pending.size();
    }

    /** Before every commit: the pending writes go down to the store, then its own cache is flushed. */
    @Override
    public synchronized void flushCache() {
        writePending();
        super.flushCache();
    }

    @Override
    public synchronized void flush() {
        writePending();
        super.flush();
    }

    /** On a dirty close: what was not committed is dropped, as the record cache below drops its own. */
    @Override
    public synchronized void clearCache() {
        pending.clear();
        decoded.clear();
        super.clearCache();
    }

    @Override
    public synchronized void close() {
        pending.clear();
        decoded.clear();
        super.close();
    }

    @SuppressWarnings("unchecked")
    private void writePending() {
        for (Map.Entry<K, Object> entry : pending.entrySet()) {
            if (entry.getValue() == DELETED) {
                wrapped().delete(entry.getKey());
            } else {
                V value = (V) entry.getValue();
                wrapped().put(entry.getKey(), value);
                decoded.put(entry.getKey(), value);
            }
        }
        pending.clear();
    }

    /** The store's entries with the pending writes laid over them, in the store's order (its keys' bytes). */
    @SuppressWarnings("unchecked")
    private KeyValueIterator<K, V> merged(KeyValueIterator<K, V> stored, Predicate<K> covered, boolean reverse) {
        Comparator<Bytes> order = reverse ? Comparator.<Bytes>naturalOrder().reversed() : Comparator.naturalOrder();
        TreeMap<Bytes, KeyValue<K, V>> entries = new TreeMap<>(order);
        try (stored) {
            stored.forEachRemaining(entry -> entries.put(bytes(entry.key), entry));
        }
        pending.forEach((key, value) -> {
            if (covered.test(key)) {
                if (value == DELETED) {
                    entries.remove(bytes(key));
                } else {
                    entries.put(bytes(key), KeyValue.pair(key, (V) value));
                }
            }
        });
        return new ListIterator<>(new ArrayList<>(entries.values()));
    }

    private Predicate<K> inRange(K from, K to) {
        Bytes low = from == null ? null : bytes(from);
        Bytes high = to == null ? null : bytes(to);
        return key -> {
            Bytes at = bytes(key);
            return (low == null || at.compareTo(low) >= 0) && (high == null || at.compareTo(high) <= 0);
        };
    }

    private Bytes bytes(K key) {
        return Bytes.wrap(keySerde.serializer().serialize(null, key));
    }

    private static boolean startsWith(Bytes key, Bytes prefix) {
        byte[] k = key.get();
        byte[] p = prefix.get();
        if (k.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (k[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    /** A scan's result, taken when the scan was opened. */
    private static final class ListIterator<K, V> implements KeyValueIterator<K, V> {

        private final Iterator<KeyValue<K, V>> entries;
        private KeyValue<K, V> next;

        ListIterator(List<KeyValue<K, V>> entries) {
            this.entries = entries.iterator();
            this.next = this.entries.hasNext() ? this.entries.next() : null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public KeyValue<K, V> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            KeyValue<K, V> current = next;
            next = entries.hasNext() ? entries.next() : null;
            return current;
        }

        @Override
        public K peekNextKey() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            // nothing held open: the store's own iterator was closed when the scan was taken
        }
    }
}
