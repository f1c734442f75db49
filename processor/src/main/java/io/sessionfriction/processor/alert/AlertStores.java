package io.sessionfriction.processor.alert;

import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.SessionScopedKey;
import io.sessionfriction.processor.Topics;

/**
 * The alert stage's state stores, all keyed within a session so they partition with it and can be
 * dropped with it: session context by session key, tool calls by {@code sessionKey|toolUseId}, alerts
 * by {@code sessionKey|alertId}.
 */
record AlertStores(String sessions, String toolCalls, String alerts) {

    static final AlertStores DEFAULT = new AlertStores(Topics.ALERT_SESSIONS_STORE, Topics.ALERT_TOOL_CALLS_STORE,
            Topics.ALERT_STATE_STORE);

    Set<StoreBuilder<?>> builders(ProcessorSettings settings) {
        return Set.of(
                settings.keyValueStore(sessions, Serdes.String(), Json.serde(SessionContext.class)),
                settings.keyValueStore(toolCalls, Serdes.String(), Json.serde(ToolCall.class)),
                settings.keyValueStore(alerts, Serdes.String(), Json.serde(AlertState.class)));
    }

    /** The key of a session's entry in the tool-call and alert stores; its prefix finds them all. */
    static String withinSession(String sessionKey, String id) {
        return SessionScopedKey.of(sessionKey, id);
    }

    static String sessionPrefix(String sessionKey) {
        return SessionScopedKey.prefix(sessionKey);
    }
}
