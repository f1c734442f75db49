package io.sessionfriction.processor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.event.Lines;

class CommandTrackerTest {

    private static final Instant T0 = Lines.T0;

    private final MockProcessorContext<String, CommandProgress> context = new MockProcessorContext<>();
    private final CommandTracker tracker = new CommandTracker("commands", ProcessorSettings.defaults().stateHorizons());
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

        assertThat(outcome).isEqualTo(new CommandResult(Outcome.BACKGROUNDED, null, "b76", false));
    }

    @Test
    void aCommandThatWaitedForApprovalRanOnlyFromTheStartItsFirstProgressLineDates() {
        process(event(EventKind.TOOL_USE, "toolu_1", T0, null, null, Lines.bashToolUse("toolu_1", "rsync -a a b", T0)));
        // The user approved after a minute: progress counts from the start, 2 s in at its first line.
        process(event(EventKind.BASH_PROGRESS, "toolu_1", T0.plusSeconds(62), 2L, null, Lines.bashProgress("toolu_1", 2, T0)));
        CommandProgress running = store.get("s1|toolu_1");
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(running.waitedSeconds()).isEqualTo(60.0);
        assertThat(running.ranSeconds()).isEqualTo(2.0);

        process(event(EventKind.TOOL_RESULT, "toolu_1", T0.plusMillis(65_500), null, null,
                Lines.toolResult("toolu_1", "sent 3 files", false, "{\"stdout\":\"sent 3 files\"}", T0)));

        CommandProgress ended = lastEmitted();
        assertThat(ended.waitedSeconds()).isEqualTo(60.0);
        assertThat(ended.ranSeconds()).isEqualTo(5.5);
    }

    @Test
    void aCommandWithoutProgressRanAtMostTwoSecondsAndWaitedTheRest() {
        process(event(EventKind.TOOL_USE, "toolu_1", T0, null, null, Lines.bashToolUse("toolu_1", "git push", T0)));
        process(event(EventKind.TOOL_RESULT, "toolu_1", T0.plus(Duration.ofHours(9)), null, null,
                Lines.toolResult("toolu_1", "pushed", false, "{\"stdout\":\"pushed\"}", T0)));

        CommandProgress ended = lastEmitted();
        assertThat(ended.ranSeconds()).isEqualTo(2.0);
        assertThat(ended.waitedSeconds()).isEqualTo(9 * 3600 - 2.0);
        assertThat(ended.startedAt()).isEqualTo(T0.plus(Duration.ofHours(9)).minusSeconds(2));
    }

    @Test
    void aQuickCommandWithoutProgressRanAllItsTime() {
        process(event(EventKind.TOOL_USE, "toolu_1", T0, null, null, Lines.bashToolUse("toolu_1", "ls", T0)));
        process(event(EventKind.TOOL_RESULT, "toolu_1", T0.plusMillis(400), null, null, Lines.toolResult("toolu_1", "a", false, "{}", T0)));

        assertThat(lastEmitted()).extracting(CommandProgress::waitedSeconds, CommandProgress::ranSeconds).containsExactly(0.0, 0.4);
    }

    @Test
    void aCommandMovedToTheBackgroundAtItsTimeoutRanUntilItEvenWithoutProgress() {
        process(event(EventKind.TOOL_USE, "toolu_1", T0, null, null, Lines.bashToolUse("toolu_1", "python extract.py", T0)));
        process(event(EventKind.TOOL_RESULT, "toolu_1", T0.plusSeconds(600), null, null, Lines.toolResult("toolu_1",
                "Command running in background with ID: b2f8b9", false, "{\"stdout\":\"\",\"backgroundTaskId\":\"b2f8b9\"}", T0)));

        assertThat(lastEmitted()).extracting(CommandProgress::outcome, CommandProgress::waitedSeconds, CommandProgress::ranSeconds)
                .containsExactly(Outcome.BACKGROUNDED, 0.0, 600.0);
    }

    @Test
    void aCallRefusedAtItsPromptNeverRan() {
        String refused = "The user doesn't want to proceed with this tool use. The tool use was rejected";
        process(event(EventKind.TOOL_USE, "toolu_1", T0, null, null, Lines.bashToolUse("toolu_1", "rm -rf out", T0)));
        process(event(EventKind.TOOL_RESULT, "toolu_1", T0.plusSeconds(40), null, refused,
                Lines.toolResult("toolu_1", refused, true, "\"User rejected tool use\"", T0)));

        assertThat(lastEmitted()).extracting(CommandProgress::outcome, CommandProgress::waitedSeconds, CommandProgress::ranSeconds)
                .containsExactly(Outcome.INTERRUPTED, 40.0, 0.0);
    }

    @Test
    void progressBeforeItsToolUseIsMeasuredFromTheToolUseOnceItArrives() {
        process(event(EventKind.BASH_PROGRESS, "toolu_1", T0.plusSeconds(32), 2L, null, Lines.bashProgress("toolu_1", 2, T0)));
        process(event(EventKind.TOOL_USE, "toolu_1", T0, null, null, Lines.bashToolUse("toolu_1", "rsync -a a b", T0)));

        assertThat(store.get("s1|toolu_1")).extracting(CommandProgress::waitedSeconds, CommandProgress::ranSeconds)
                .containsExactly(30.0, 2.0);
    }

    private CommandProgress lastEmitted() {
        List<CommandProgress> emitted = context.forwarded().stream().map(forward -> (CommandProgress) forward.record().value()).toList();
        return emitted.get(emitted.size() - 1);
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
