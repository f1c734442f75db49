package io.sessionfriction.processor.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.sessionfriction.processor.SessionScopedKey;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.alert.AlertState;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.progress.CommandProgress;

/**
 * Typed reads of the processor's session state on this instance (interactive queries), no forwarding.
 * Every store read here is keyed by the session key or by {@link SessionScopedKey}, and all are fed by the
 * one sub-topology reading {@code session-events}, so a session's entries all live in the partition of
 * its key: {@link #owner} says which partition, and which instance serves it now.
 */
public final class SessionQueries {

    private final KafkaStreams streams;

    public SessionQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The session's partition and the instance it is active on; {@link KeyQueryMetadata#NOT_AVAILABLE} (or null) while none is. */
    public KeyQueryMetadata owner(String sessionKey) {
        return streams.queryMetadataForKey(Topics.SESSION_BLOCKS_STORE, sessionKey, Serdes.String().serializer());
    }

    /** Every instance of the application that holds session state, this one included. */
    public Collection<StreamsMetadata> instances() {
        return streams.streamsMetadataForStore(Topics.SESSION_BLOCKS_STORE);
    }

    /** The session's activity from the local store of {@code partition}; empty when this instance has no such session. */
    public Optional<SessionActivity> activity(String sessionKey, int partition) {
        return Optional.ofNullable(this.<SessionActivity>store(Topics.SESSION_BLOCKS_STORE, partition).get(sessionKey));
    }

    /** The activity of every session of {@code user} held by this instance (a scan of its session-blocks partitions). */
    public List<SessionActivity> activitiesOf(String user) {
        try (KeyValueIterator<String, SessionActivity> all = blocks().all()) {
            return activities(all, activity -> user.equals(activity.user()));
        }
    }

    /** The activity of every session held by this instance whose key starts with {@code prefix} (a key range of each partition). */
    public List<SessionActivity> activitiesStartingWith(String prefix) {
        try (KeyValueIterator<String, SessionActivity> matching = blocks().prefixScan(prefix, Serdes.String().serializer())) {
            return activities(matching, activity -> true);
        }
    }

    private ReadOnlyKeyValueStore<String, SessionActivity> blocks() {
        return streams.store(StoreQueryParameters.fromNameAndType(Topics.SESSION_BLOCKS_STORE, QueryableStoreTypes.keyValueStore()));
    }

    private static List<SessionActivity> activities(KeyValueIterator<String, SessionActivity> entries, Predicate<SessionActivity> wanted) {
        List<SessionActivity> found = new ArrayList<>();
        entries.forEachRemaining(entry -> {
            if (entry.value != null && wanted.test(entry.value)) {
                found.add(entry.value);
            }
        });
        return found;
    }

    /** The session's Bash commands the processor still holds (those awaiting their result). */
    public List<CommandProgress> commands(String sessionKey, int partition) {
        return withinSession(Topics.COMMANDS_STORE, sessionKey, partition);
    }

    /** The session's alerts, latest form of each, oldest first; empty if the alert stage has no such store. */
    public List<FrictionAlert> alerts(String sessionKey, int partition) {
        List<AlertState> states;
        try {
            states = withinSession(Topics.ALERT_STATE_STORE, sessionKey, partition);
        } catch (UnknownStateStoreException e) {
            return List.of();
        }
        List<FrictionAlert> alerts = new ArrayList<>();
        for (AlertState state : states) {
            if (state.alert() != null) {
                alerts.add(state.alert());
            }
        }
        alerts.sort(Comparator.comparing(FrictionAlert::timestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
        return alerts;
    }

    /**
     * Every alert the alert stage holds on this instance, latest form of each, by alertId: its running
     * total, where a published record counts the occurrences up to the threshold it was emitted at. A
     * session the stage has forgotten (idle beyond the allowed lateness) is no longer there.
     */
    public Map<String, FrictionAlert> alertsById() {
        ReadOnlyKeyValueStore<String, AlertState> store = streams.store(
                StoreQueryParameters.fromNameAndType(Topics.ALERT_STATE_STORE, QueryableStoreTypes.<String, AlertState>keyValueStore()));
        Map<String, FrictionAlert> alerts = new TreeMap<>();
        try (KeyValueIterator<String, AlertState> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && entry.value.alert() != null) {
                    alerts.put(entry.value.alert().alertId(), entry.value.alert());
                }
            });
        }
        return alerts;
    }

    private <V> List<V> withinSession(String storeName, String sessionKey, int partition) {
        List<V> values = new ArrayList<>();
        ReadOnlyKeyValueStore<String, V> store = store(storeName, partition);
        try (KeyValueIterator<String, V> entries = store.prefixScan(SessionScopedKey.prefix(sessionKey),
                Serdes.String().serializer())) {
            entries.forEachRemaining(entry -> values.add(entry.value));
        }
        return values;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return streams.store(StoreQueryParameters.<ReadOnlyKeyValueStore<String, V>>fromNameAndType(name,
                QueryableStoreTypes.keyValueStore()).withPartition(partition));
    }
}
