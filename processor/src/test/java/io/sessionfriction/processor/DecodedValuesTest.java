package io.sessionfriction.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecodedValuesTest {

    private KeyValueStore<String, String> store;

    @BeforeEach
    void openStore() {
        MockProcessorContext<String, String> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("values"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void everyWriteReachesTheStoreSoAFreshInstanceReadsTheSameValues() {
        DecodedValues<String> values = new DecodedValues<>(store, 2);
        values.put("s1", "one");
        values.put("s2", "two");
        values.put("s3", "three");
        values.put("s1", "one again");
        values.delete("s2");

        assertThat(store.get("s1")).isEqualTo("one again");
        assertThat(store.get("s2")).isNull();
        DecodedValues<String> afterRestart = new DecodedValues<>(store, 2);
        assertThat(afterRestart.get("s1")).isEqualTo("one again");
        assertThat(afterRestart.get("s2")).isNull();
        assertThat(afterRestart.get("s3")).isEqualTo("three");
    }

    @Test
    void aKeyPushedOutOfTheRecentOnesIsReadBackFromTheStore() {
        DecodedValues<String> values = new DecodedValues<>(store, 1);
        values.put("s1", "one");
        values.put("s2", "two");

        assertThat(values.get("s1")).isEqualTo("one");
        assertThat(values.get("s2")).isEqualTo("two");
        assertThat(values.get("nobody")).isNull();
    }

    @Test
    void aRecentValueIsTheInstanceThatWasWrittenNotADecodedCopy() {
        DecodedValues<String> values = new DecodedValues<>(store, 4);
        String written = new String("kept as written");
        values.put("s1", written);

        assertThat(values.get("s1")).isSameAs(written);
    }
}
