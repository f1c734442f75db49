package io.sessionfriction.processor.progress;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.sessionfriction.processor.StaleEntries;
import io.sessionfriction.processor.StateHorizons;
import io.sessionfriction.processor.event.EnrichedEvent;

/**
 * Aggregates each Bash command per (session, {@code parentToolUseID}): not per {@code parentUuid}, which
 * is a chain where every progress line points at the previous one, so grouping by it gives groups of one.
 * The tool_use gives the command and description; progress lines may come before it and are kept.
 * Emits the command on every change; the entry leaves the store when its tool_result ends it.
 */
public final class CommandTracker implements Processor<String, EnrichedEvent, String, CommandProgress> {

    private static final String BASH = "Bash";

    private final String storeName;
    private final StateHorizons horizons;
    private ProcessorContext<String, CommandProgress> context;
    private KeyValueStore<String, CommandProgress> commands;

    public CommandTracker(String storeName, StateHorizons horizons) {
        this.storeName = storeName;
        this.horizons = horizons;
    }

    @Override
    public void init(ProcessorContext<String, CommandProgress> context) {
        this.context = context;
        this.commands = context.getStateStore(storeName);
        // A command with no line for longer than the allowed lateness never gets its result here (a late one
        // would go to the late topic): it leaves the store, its last state stays on the topic.
        horizons.schedule(context, streamTime -> StaleEntries.delete(commands, horizons.compactBefore(streamTime),
                CommandProgress::lastEventAt));
    }

    @Override
    public void process(Record<String, EnrichedEvent> record) {
        EnrichedEvent event = record.value();
        if (event.toolUseId() == null) {
            return;
        }
        String key = CommandProgress.key(event.sessionKey(), event.toolUseId());
        CommandProgress known = commands.get(key);
        switch (event.kind()) {
            case TOOL_USE -> {
                if (BASH.equals(event.toolName())) {
                    update(record, key, orStart(known, event).withCommand(event.command(), event.description()));
                }
            }
            case BASH_PROGRESS -> update(record, key, orStart(known, event).seenAt(event.timestamp())
                    .withProgress(event.elapsedSeconds() == null ? 0 : event.elapsedSeconds(), event.timestamp()));
            case TOOL_RESULT -> {
                if (known != null) {
                    CommandResult result = CommandResult.of(event);
                    CommandProgress ended = known.seenAt(event.timestamp())
                            .withOutcome(result.outcome(), result.exitCode(), result.backgroundTaskId(), event.timestamp(), result.neverRan());
                    commands.delete(key);
                    context.forward(new Record<>(key, ended, record.timestamp(), record.headers()));
                }
            }
            default -> {
                // other lines say nothing about a command's progress
            }
        }
    }

    private static CommandProgress orStart(CommandProgress known, EnrichedEvent event) {
        return known != null ? known : CommandProgress.start(event.sessionKey(), event.user(), event.toolUseId());
    }

    private void update(Record<String, EnrichedEvent> record, String key, CommandProgress progress) {
        CommandProgress seen = progress.seenAt(record.value().timestamp()).timed(null);
        commands.put(key, seen);
        context.forward(new Record<>(key, seen, record.timestamp(), record.headers()));
    }
}
