package io.sessionfriction.processor.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.sessionfriction.processor.DecodedValues;
import io.sessionfriction.processor.StateHorizons;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.event.LineFields;
import io.sessionfriction.processor.event.SessionEvent;

/**
 * Keeps each session's active blocks with the session as its own clock: an event joins the blocks it is
 * within the inactivity gap of, whatever order it arrives in, so a batch arriving hours late is placed
 * exactly where sorting the session's timestamps would put it. This is why it is not a
 * {@code SessionWindows} aggregation: those close windows on the partition's stream time, which other
 * sessions advance (docs/architecture.md, "Why the processor keeps its own per-session clock"). Untimed lines pass through and
 * never open or extend a block.
 */
public final class ActiveBlocks implements FixedKeyProcessor<String, SessionEvent, PlacedEvent> {

    /** Sessions active at once on one task, with room to spare; each decoded entry is a few KB. */
    static final int RECENT_SESSIONS = 4096;

    private final String storeName;
    private final Duration inactivityGap;
    private final StateHorizons horizons;
    private FixedKeyProcessorContext<String, PlacedEvent> context;
    private KeyValueStore<String, SessionActivity> store;
    private DecodedValues<SessionActivity> sessions;

    public ActiveBlocks(String storeName, Duration inactivityGap, StateHorizons horizons) {
        this.storeName = storeName;
        this.inactivityGap = inactivityGap;
        this.horizons = horizons;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PlacedEvent> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.sessions = new DecodedValues<>(store, RECENT_SESSIONS);
        horizons.schedule(context, this::compact);
    }

    /** Folds what no event can join any more, and forgets sessions idle for long (see StateHorizons). */
    void compact(long streamTime) {
        Instant compactBefore = horizons.compactBefore(streamTime);
        Instant forgetBefore = horizons.forgetBefore(streamTime);
        Map<String, SessionActivity> changed = new LinkedHashMap<>();
        try (KeyValueIterator<String, SessionActivity> all = store.all()) {
            all.forEachRemaining(entry -> {
                SessionActivity activity = entry.value;
                SessionActivity compacted = activity.lastEvent() == null || activity.lastEvent().isBefore(forgetBefore)
                        ? null : activity.compactedBefore(compactBefore);
                if (compacted != activity) {
                    changed.put(entry.key, compacted);
                }
            });
        }
        changed.forEach((session, activity) -> {
            if (activity == null) {
                sessions.delete(session);
            } else {
                sessions.put(session, activity);
            }
        });
    }

    @Override
    public void process(FixedKeyRecord<String, SessionEvent> record) {
        SessionEvent event = record.value();
        SessionActivity before = sessions.get(record.key());
        if (!event.isTimed()) {
            context.forward(record.withValue(new PlacedEvent(event, null, before == null ? null : before.firstEvent(), null)));
            return;
        }
        SessionActivity after = (before == null ? SessionActivity.empty(record.key(), event.user()) : before)
                .withUser(event.user())
                .plus(event.timestamp(), counts(event), inactivityGap);
        sessions.put(record.key(), after);
        Block block = after.blockAt(event.timestamp());
        EnrichedEvent.BlockRef ref = new EnrichedEvent.BlockRef(block.start(), block.end());
        context.forward(record.withValue(new PlacedEvent(event, ref, after.firstEvent(), after)));
    }

    private static EventCounts counts(SessionEvent event) {
        return new EventCounts(
                event.kind() == EventKind.TOOL_USE ? 1 : 0,
                Boolean.TRUE.equals(LineFields.isError(event)) ? 1 : 0);
    }
}
