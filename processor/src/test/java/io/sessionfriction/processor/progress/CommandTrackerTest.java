package io.sessionfriction.processor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.event.Lines;

class CommandTrackerTest {

    private static final Instant T0 = Lines.T0;

    private final MockProcessorContext<String, CommandProgress> context = new MockProcessorContext<>();
    private final CommandTracker tracker = new CommandTracker("commands");
    private KeyValueStore<String, CommandProgress> store;

    @BeforeEach
    void init() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("commands"), Serdes.String(), Json.serde(CommandProgress.class))
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        tracker.init(context);
    }

    @Test
    void progressIsAggregatedPerToolUseAndTheEntryLeavesTheStoreWithItsResult() {
        process(event(EventKind.TOOL_USE, "toolu_1", T0, null, null, Lines.bashToolUse("toolu_1", "rsync -a a b", T0)));
        process(event(EventKind.BASH_PROGRESS, "toolu_1", T0.plusSeconds(2), 2L, null, Lines.bashProgress("toolu_1", 2, T0)));
        process(event(EventKind.BASH_PROGRESS, "toolu_1", T0.plusSeconds(3), 3L, null, Lines.bashProgress("toolu_1", 3, T0)));
        assertThat(store.get("s1|toolu_1").updates()).isEqualTo(2);

        process(event(EventKind.TOOL_RESULT, "toolu_1", T0.plusSeconds(4), null, "Error: Exit code 23\nrsync error",
                Lines.toolResult("toolu_1", "Exit code 23\nrsync error", true, "\"Error: Exit code 23\\nrsync error\"", T0)));

        List<CommandProgress> emitted = context.forwarded().stream().map(forward -> (CommandProgress) forward.record().value()).toList();
        assertThat(emitted).extracting(CommandProgress::updates).containsExactly(0L, 1L, 2L, 2L);
        CommandProgress last = emitted.get(3);
        assertThat(last.command()).isEqualTo("rsync -a a b");
        assertThat(last.maxElapsedSeconds()).isEqualTo(3);
        assertThat(last.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(last.exitCode()).isEqualTo(23);
        assertThat(last.lastEventAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(store.get("s1|toolu_1")).isNull();
    }

    @Test
    void aResultOfAnUnknownCommandIsNotACommand() {
        process(event(EventKind.TOOL_RESULT, "toolu_9", T0, null, null, Lines.toolResult("toolu_9", "ok", false, "{}", T0)));

        assertThat(context.forwarded()).isEmpty();
    }

    @Test
    void aBackgroundedCommandIsNotAnError() {
        JsonNode result = Lines.toolResult("toolu_1", "Command running in background with ID: b76", false,
                "{\"stdout\":\"\",\"backgroundTaskId\":\"b76\"}", T0);
        CommandResult outcome = CommandResult.of(event(EventKind.TOOL_RESULT, "toolu_1", T0, null, null, result));

        assertThat(outcome).isEqualTo(new CommandResult(Outcome.BACKGROUNDED, null, "b76"));
    }

    private void process(EnrichedEvent event) {
        tracker.process(new Record<>("s1", event, event.timestamp().toEpochMilli()));
    }

    private static EnrichedEvent event(EventKind kind, String toolUseId, Instant at, Long elapsed, String errorText, JsonNode line) {
        boolean toolUse = kind == EventKind.TOOL_USE;
        return new EnrichedEvent(1, "s1", "alice", "sess", null, null, kind, at, null, "Bash", toolUseId, null,
                toolUse ? "rsync -a a b" : null, null, null, errorText != null ? Boolean.TRUE : null, errorText, null, elapsed,
                List.of(), null, T0, line);
    }
}
