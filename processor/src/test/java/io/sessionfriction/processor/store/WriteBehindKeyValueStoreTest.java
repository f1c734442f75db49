package io.sessionfriction.processor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteBehindKeyValueStoreTest {

    private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
    private KeyValueStore<String, String> below;
    private WriteBehindKeyValueStore<String, String> store;

    @BeforeEach
    void openStores() {
        below = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("sessions"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().withCachingDisabled().build();
        store = new WriteBehindKeyValueStore<>(below, Serdes.String(), 2);
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void writesStayAboveTheStoreUntilTheCachesAreFlushedBeforeACommit() {
        store.put("session-a", "3 blocks");
        store.put("session-a", "4 blocks");
        store.put("session-b", "1 block");

        assertThat(store.get("session-a")).isEqualTo("4 blocks");
        assertThat(below.get("session-a")).isNull();

        store.flushCache();

        assertThat(below.get("session-a")).isEqualTo("4 blocks");
        assertThat(below.get("session-b")).isEqualTo("1 block");
    }

    @Test
    void aDeleteHidesTheStoredValueAndRemovesItAtTheFlush() {
        store.put("session-a", "3 blocks");
        store.flushCache();

        assertThat(store.delete("session-a")).isEqualTo("3 blocks");

        assertThat(store.get("session-a")).isNull();
        assertThat(below.get("session-a")).isEqualTo("3 blocks");
        store.flushCache();
        assertThat(below.get("session-a")).isNull();
    }

    @Test
    void scansSeePendingWritesAndDeletesInTheStoresKeyOrder() {
        store.put("s1|tool-2", "stored");
        store.put("s1|tool-3", "stored, deleted later");
        store.put("s2|tool-1", "other session");
        store.flushCache();
        store.delete("s1|tool-3");
        store.put("s1|tool-1", "pending");
        store.put("s1|tool-2", "rewritten");

        assertThat(entries(store.prefixScan("s1|", new StringSerializer())))
                .containsExactly(KeyValue.pair("s1|tool-1", "pending"), KeyValue.pair("s1|tool-2", "rewritten"));
        assertThat(entries(store.all())).extracting(entry -> entry.key).containsExactly("s1|tool-1", "s1|tool-2", "s2|tool-1");
        assertThat(entries(store.reverseRange("s1|tool-1", "s1|tool-9"))).extracting(entry -> entry.key)
                .containsExactly("s1|tool-2", "s1|tool-1");
    }

    @Test
    void aDirtyCloseDropsWhatWasNotCommittedAndReadsFallBackToTheStore() {
        store.put("session-a", "committed");
        store.flushCache();
        store.put("session-a", "not committed");
        store.put("session-b", "not committed");

        store.clearCache();

        assertThat(store.get("session-a")).isEqualTo("committed");
        assertThat(store.get("session-b")).isNull();
    }

    @Test
    void valuesReadFromTheStoreAreKeptDecodedForTheMostRecentKeysOnly() {
        below.put("a", "1");
        below.put("b", "2");
        below.put("c", "3");
        store.get("a");
        store.get("b");
        store.get("c"); // capacity 2: "a" leaves

        below.put("a", "changed below");
        below.put("c", "changed below");

        assertThat(store.get("a")).isEqualTo("changed below");
        assertThat(store.get("c")).isEqualTo("3");
    }

    private static List<KeyValue<String, String>> entries(KeyValueIterator<String, String> iterator) {
        List<KeyValue<String, String>> entries = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(entries::add);
        }
        return entries;
    }
}
