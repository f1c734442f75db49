package io.sessionfriction.processor.alert;

import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.sessionfriction.processor.Json;

/**
 * The alert stage's state stores, all keyed within a session so they partition with it:
 * session context by session key, tool calls by {@code sessionKey|toolUseId}, alerts by alertId.
 */
record AlertStores(String sessions, String toolCalls, String alerts) {

    static final AlertStores DEFAULT = new AlertStores("alert-session-context", "alert-tool-calls", "alert-state");

    Set<StoreBuilder<?>> builders() {
        return Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(sessions), Serdes.String(), Json.serde(SessionContext.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(toolCalls), Serdes.String(), Json.serde(ToolCall.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(alerts), Serdes.String(), Json.serde(AlertState.class)));
    }
}
