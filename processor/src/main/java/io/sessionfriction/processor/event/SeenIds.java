package io.sessionfriction.processor.event;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The repeat check's memory: whether an id was seen within the retention of a time, remembering it if not. Live,
 * a window store (one point per id, expiring with its segment, restored from its changelog). For state of one
 * run only, kept by nobody after it ({@code ProcessorSettings.seenIdsByKey}), a key-value store of each id's
 * times, answering exactly as the window store does: a replay's repeat check on RocksDB segments cost it the
 * JNI calls of every event and the native library's load, and an in-memory window store visits every
 * millisecond of the range it fetches (docs/benchmarks.md).
 */
sealed interface SeenIds {

    /** True, and the id remembered at {@code time}, unless it was seen within the retention of that time. */
    boolean rememberIfNew(String id, long time);

    /** Ids as points of a window store of the given retention. */
    record Windowed(WindowStore<String, Long> store, long retention) implements SeenIds {

        @Override
        public boolean rememberIfNew(String id, long time) {
            try (WindowStoreIterator<Long> hits = store.fetch(id, Math.max(0, time - retention), time + retention)) {
                if (hits.hasNext()) {
                    return false;
                }
            }
            store.put(id, time, time);
            return true;
        }
    }

    /**
     * Ids with their times in a key-value store. A window store's fetch never reaches below its observed stream
     * time (the latest time put) minus its retention, and a put at or below that is dropped; this keeps the same
     * two rules, so a time a window store would have expired is never an answer here either, whether or not it is
     * still held.
     */
    final class Keyed implements SeenIds {

        private final KeyValueStore<String, SeenTimes> store;
        private final long retention;
        private long observed = -1;

        Keyed(KeyValueStore<String, SeenTimes> store, long retention) {
            this.store = store;
            this.retention = retention;
        }

        @Override
        public boolean rememberIfNew(String id, long time) {
            long from = Math.max(Math.max(0, time - retention), observed - retention + 1);
            long to = time + retention;
            SeenTimes times = store.get(id);
            if (to >= from && times != null && times.anyWithin(from, to)) {
                return false;
            }
            observed = Math.max(observed, time);
            if (time > observed - retention) {
                store.put(id, times == null ? SeenTimes.of(time) : times.with(time));
            }
            return true;
        }
    }
}
