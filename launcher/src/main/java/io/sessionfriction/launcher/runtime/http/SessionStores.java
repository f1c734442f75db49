package io.sessionfriction.launcher.runtime.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.progress.CommandProgress;
import io.sessionfriction.processor.progress.Outcome;

/**
 * Reads of this instance's own state stores (interactive queries), no forwarding. Every store used here
 * is keyed by the session key or by {@code sessionKey|...}, and all are fed by the one sub-topology
 * reading {@code session-events}, so a session's entries all live in the partition of its key.
 */
final class SessionStores {

    /** The alert stage's store of alerts by {@code sessionKey|alertId} (value: {@code {alert, ...}}). */
    static final String ALERTS_STORE = "alert-state";

    private final KafkaStreams streams;

    SessionStores(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The session from the local store of {@code partition}; empty when this instance has no such session. */
    Optional<SessionViews.Session> session(String sessionKey, int partition, String servedBy) {
        SessionActivity activity = this.<SessionActivity>store(Topics.SESSION_BLOCKS_STORE, partition).get(sessionKey);
        if (activity == null) {
            return Optional.empty();
        }
        return Optional.of(new SessionViews.Session(activity.sessionKey(), activity.user(),
                activity.totalActiveSeconds(), activity.wallClockSeconds(), activity.firstEvent(), activity.lastEvent(),
                activity.blocks(), runningCommands(sessionKey, partition), alerts(sessionKey, partition), servedBy));
    }

    /** The sessions of {@code user} held by this instance (a scan of its session-blocks partitions). */
    List<SessionViews.SessionSummary> sessionsOf(String user) {
        List<SessionViews.SessionSummary> found = new ArrayList<>();
        ReadOnlyKeyValueStore<String, SessionActivity> store = streams.store(
                StoreQueryParameters.fromNameAndType(Topics.SESSION_BLOCKS_STORE, QueryableStoreTypes.keyValueStore()));
        try (KeyValueIterator<String, SessionActivity> all = store.all()) {
            all.forEachRemaining(entry -> {
                SessionActivity activity = entry.value;
                if (activity != null && user.equals(activity.user())) {
                    found.add(new SessionViews.SessionSummary(activity.sessionKey(), activity.user(),
                            activity.firstEvent(), activity.lastEvent(), activity.totalActiveSeconds(),
                            activity.blocks().size()));
                }
            });
        }
        return found;
    }

    static Comparator<SessionViews.SessionSummary> mostRecentFirst() {
        return Comparator.comparing(SessionViews.SessionSummary::lastEvent,
                Comparator.nullsLast(Comparator.reverseOrder()));
    }

    private List<SessionViews.RunningCommand> runningCommands(String sessionKey, int partition) {
        List<SessionViews.RunningCommand> running = new ArrayList<>();
        for (CommandProgress command : this.<CommandProgress>withinSession(Topics.COMMANDS_STORE, sessionKey, partition)) {
            if (command.outcome() == Outcome.RUNNING) {
                running.add(new SessionViews.RunningCommand(command.toolUseId(), command.command(),
                        command.description(), command.maxElapsedSeconds(), command.updates(),
                        command.firstEventAt(), command.lastEventAt()));
            }
        }
        return running;
    }

    /** The session's alerts, latest form of each, oldest first; empty if the alert stage has no such store. */
    private List<JsonNode> alerts(String sessionKey, int partition) {
        List<Object> states;
        try {
            states = withinSession(ALERTS_STORE, sessionKey, partition);
        } catch (UnknownStateStoreException e) {
            return List.of();
        }
        List<JsonNode> alerts = new ArrayList<>();
        for (Object state : states) {
            JsonNode alert = Json.MAPPER.valueToTree(state).path("alert");
            if (alert.isObject()) {
                alerts.add(alert);
            }
        }
        alerts.sort(Comparator.comparing(alert -> alert.path("timestamp").asText()));
        return alerts;
    }

    private <V> List<V> withinSession(String storeName, String sessionKey, int partition) {
        List<V> values = new ArrayList<>();
        ReadOnlyKeyValueStore<String, V> store = store(storeName, partition);
        try (KeyValueIterator<String, V> entries = store.prefixScan(sessionKey + '|', Serdes.String().serializer())) {
            entries.forEachRemaining((KeyValue<String, V> entry) -> values.add(entry.value));
        }
        return values;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return streams.store(StoreQueryParameters.<ReadOnlyKeyValueStore<String, V>>fromNameAndType(name,
                QueryableStoreTypes.keyValueStore()).withPartition(partition));
    }
}
