package io.sessionfriction.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.activity.LateEvent;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.event.DeadLetter;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.TranscriptLine;
import io.sessionfriction.processor.event.TranscriptLineSerde;
import io.sessionfriction.limits.RecordLimits;
import io.sessionfriction.processor.progress.CommandProgress;

/** Every topic of the pipeline, declared once with its key and value serdes, and the names of the state stores. */
public final class Topics {

    /**
     * A topic and how its records are (de)serialized; compacted topics keep the latest value per key.
     * {@code maxRecordBytes} is the topic's {@code max.message.bytes} (RecordLimits): the line topics hold
     * transcript lines as written, every other topic what the processor writes, which fits Kafka's default.
     */
    public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted, int maxRecordBytes) {

        public Consumed<K, V> consumed(String sourceName) {
            return Consumed.with(keySerde, valueSerde).withName(sourceName);
        }

        /** Every sink writes through here, so no record it writes is larger than the processor's records may be. */
        public Produced<K, V> produced(String sinkName) {
            return Produced.with(BoundedSerdes.keys(keySerde), BoundedSerdes.values(valueSerde)).withName(sinkName);
        }

        /** The same topic read or written with another value type (e.g. alerts with the alert stage's own record). */
        public <W> Topic<K, W> withValueSerde(Serde<W> serde) {
            return new Topic<>(name, keySerde, serde, compacted, maxRecordBytes);
        }

        /** The same topic under {@code prefix + name}: a replay's own copy. */
        public Topic<K, V> prefixed(String prefix) {
            return prefix.isEmpty() ? this : new Topic<>(prefix + name, keySerde, valueSerde, compacted, maxRecordBytes);
        }

        NewTopic newTopic(int partitions, Map<String, String> configs) {
            Map<String, String> all = new TreeMap<>(configs);
            all.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxRecordBytes));
            if (compacted) {
                all.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(all);
        }
    }

    /** In: one transcript line per record, key = session key, headers user/file/offset/line. */
    public static final Topic<String, TranscriptLine> SESSION_EVENTS =
            new Topic<>("session-events", Serdes.String(), new TranscriptLineSerde(), false, RecordLimits.LINE_RECORD_BYTES);
    public static final Topic<String, DeadLetter> SESSION_EVENTS_DLQ =
            new Topic<>("session-events-dlq", Serdes.String(), Json.serde(DeadLetter.class), false, RecordLimits.LINE_RECORD_BYTES);
    public static final Topic<String, LateEvent> SESSION_EVENTS_LATE =
            new Topic<>("session-events-late", Serdes.String(), Json.serde(LateEvent.class), false, RecordLimits.OUTPUT_RECORD_BYTES);
    public static final Topic<String, EnrichedEvent> SESSION_EVENTS_ENRICHED =
            new Topic<>("session-events-enriched", Serdes.String(), Json.serde(EnrichedEvent.class), false, RecordLimits.OUTPUT_RECORD_BYTES);
    /** Key = session key; the latest record is the session's activity so far. */
    public static final Topic<String, SessionActivity> SESSION_ACTIVITY =
            new Topic<>("session-activity", Serdes.String(), Json.serde(SessionActivity.class), true, RecordLimits.OUTPUT_RECORD_BYTES);
    /** Key = {@code sessionKey|toolUseId} ({@link SessionScopedKey}); the latest record is the command's state. */
    public static final Topic<String, CommandProgress> COMMAND_PROGRESS =
            new Topic<>("command-progress", Serdes.String(), Json.serde(CommandProgress.class), true, RecordLimits.OUTPUT_RECORD_BYTES);
    /** Alert values are the alert stage's JSON; declared here as JSON trees so this class does not depend on it. */
    public static final Topic<String, JsonNode> FRICTION_ALERTS =
            new Topic<>("friction-alerts", Serdes.String(), Json.serde(JsonNode.class), false, RecordLimits.OUTPUT_RECORD_BYTES);
    public static final Topic<String, JsonNode> FRICTION_ALERTS_SUPPRESSED =
            new Topic<>("friction-alerts-suppressed", Serdes.String(), Json.serde(JsonNode.class), false, RecordLimits.OUTPUT_RECORD_BYTES);

    public static final List<Topic<?, ?>> ALL = List.of(SESSION_EVENTS, SESSION_EVENTS_DLQ, SESSION_EVENTS_LATE,
            SESSION_EVENTS_ENRICHED, SESSION_ACTIVITY, COMMAND_PROGRESS, FRICTION_ALERTS, FRICTION_ALERTS_SUPPRESSED);

    /** Line ids already seen per session (window store, retention = dedup retention). */
    public static final String SEEN_EVENTS_STORE = "seen-events";
    /** Each session's active blocks. */
    public static final String SESSION_BLOCKS_STORE = "session-blocks";
    /** Tool uses awaiting their result, so results and progress can name their tool and command. */
    public static final String TOOL_USES_STORE = "tool-uses";
    /** Bash commands awaiting their result. */
    public static final String COMMANDS_STORE = "commands";
    /** The alert stage's context of each session. */
    public static final String ALERT_SESSIONS_STORE = "alert-session-context";
    /** The alert stage's tool calls awaiting their result, by {@code sessionKey|toolUseId}. */
    public static final String ALERT_TOOL_CALLS_STORE = "alert-tool-calls";
    /** The alert stage's alerts by {@code sessionKey|alertId}: each one's latest form and escalation. */
    public static final String ALERT_STATE_STORE = "alert-state";

    private Topics() {
    }

    /** Every topic, for creation with the broker's default replication. */
    public static List<NewTopic> newTopics(int partitions) {
        return newTopics(partitions, "", Map.of());
    }

    /** Every topic named {@code prefix + name}, created with {@code configs} on top of its own. */
    public static List<NewTopic> newTopics(int partitions, String prefix, Map<String, String> configs) {
        return ALL.stream().map(topic -> topic.prefixed(prefix).newTopic(partitions, configs)).toList();
    }
}
