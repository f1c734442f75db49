package io.sessionfriction.processor.event;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.StateHorizons;
import io.sessionfriction.processor.StaleEntries;
import io.sessionfriction.processor.activity.PlacedEvent;
import io.sessionfriction.processor.SessionScopedKey;

/**
 * Builds the {@link EnrichedEvent} of each line. A tool_use is remembered (store {@code tool-uses}) until
 * its tool_result, so the result and the command's progress lines carry the tool name, command and
 * description too: a failure without its command is an alert without context. One whose result has not
 * come within the allowed lateness (a session killed mid-command) is forgotten.
 */
public final class Enricher implements FixedKeyProcessor<String, PlacedEvent, EnrichedEvent> {

    private static final String BASH = "Bash";

    private final String storeName;
    private final SignalMatcher matcher;
    private final int textCapChars;
    private final StateHorizons horizons;
    private FixedKeyProcessorContext<String, EnrichedEvent> context;
    private KeyValueStore<String, ToolUseRef> toolUses;

    public Enricher(String storeName, SignalMatcher matcher, int textCapChars, StateHorizons horizons) {
        this.storeName = storeName;
        this.matcher = matcher;
        this.textCapChars = textCapChars;
        this.horizons = horizons;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedEvent> context) {
        this.context = context;
        this.toolUses = context.getStateStore(storeName);
        horizons.schedule(context, streamTime -> StaleEntries.delete(toolUses, horizons.compactBefore(streamTime), ToolUseRef::at));
    }

    @Override
    public void process(FixedKeyRecord<String, PlacedEvent> record) {
        PlacedEvent placed = record.value();
        SessionEvent event = placed.event();
        String toolUseId = LineFields.toolUseId(event);
        ToolUseRef tool = toolUse(event, toolUseId);
        EnrichedEvent withoutSignals = enriched(placed, toolUseId, tool, List.of());
        EnrichedEvent withSignals = enriched(placed, toolUseId, tool, List.copyOf(matcher.match(withoutSignals)));
        context.forward(record.withValue(withSignals));
    }

    /** The tool_use this line is or answers: remembered on tool_use, forgotten on its result. */
    private ToolUseRef toolUse(SessionEvent event, String toolUseId) {
        if (toolUseId == null) {
            return null;
        }
        String key = SessionScopedKey.of(event.sessionKey(), toolUseId);
        if (event.kind() == EventKind.TOOL_USE) {
            ToolUseRef ref = describe(LineFields.toolUse(event.line()), event.timestamp());
            toolUses.put(key, ref);
            return ref;
        }
        ToolUseRef known = toolUses.get(key);
        if (event.kind() == EventKind.TOOL_RESULT && known != null) {
            toolUses.delete(key);
        }
        if (known == null && event.kind() == EventKind.BASH_PROGRESS) {
            return new ToolUseRef(BASH, null, null, null, null);
        }
        return known;
    }

    private static ToolUseRef describe(JsonNode toolUse, Instant at) {
        String name = toolUse.path("name").asText("");
        JsonNode input = toolUse.path("input");
        String command = BASH.equals(name) ? LineFields.textOrNull(input.path("command")) : null;
        return new ToolUseRef(name, InputSummary.of(name, input), command, LineFields.textOrNull(input.path("description")), at);
    }

    private EnrichedEvent enriched(PlacedEvent placed, String toolUseId, ToolUseRef tool, List<EnrichedEvent.Signal> signals) {
        SessionEvent event = placed.event();
        JsonNode line = event.line();
        String command = tool == null ? null : tool.command();
        return new EnrichedEvent(
                EnrichedEvent.SCHEMA_VERSION,
                event.sessionKey(),
                event.user(),
                LineFields.textOrNull(line.path("sessionId")),
                event.uuid(),
                LineFields.textOrNull(line.path("type")),
                event.kind(),
                event.timestamp(),
                LineFields.textOrNull(line.path("cwd")),
                tool == null ? null : tool.toolName(),
                toolUseId,
                tool == null ? null : tool.inputSummary(),
                command,
                CommandNormalizer.normalize(command),
                tool == null ? null : tool.description(),
                LineFields.isError(event),
                TextCap.cap(LineFields.errorText(event), textCapChars),
                TextCap.cap(text(event), textCapChars),
                event.kind() == EventKind.BASH_PROGRESS && line.path("data").path("elapsedTimeSeconds").canConvertToLong()
                        ? line.path("data").path("elapsedTimeSeconds").asLong() : null,
                signals,
                placed.block(),
                placed.sessionStart(),
                line);
    }

    /** The human or tool text of the line, the part rules match against. */
    static String text(SessionEvent event) {
        JsonNode line = event.line();
        return switch (event.kind()) {
            case USER_PROMPT, COMPACT_SUMMARY -> LineFields.contentText(line.path("message").path("content"));
            case TOOL_RESULT -> LineFields.contentText(LineFields.toolResult(line).path("content"));
            case ASSISTANT_TEXT -> LineFields.contentText(line.path("message").path("content"));
            case BASH_PROGRESS -> bashOutput(line.path("data"));
            case HOOK_PROGRESS -> LineFields.textOrNull(line.path("data").path("hookName"));
            case API_ERROR -> LineFields.errorText(event);
            case COMPACT_BOUNDARY, SYSTEM, QUEUE_OPERATION -> LineFields.textOrNull(line.path("content"));
            case SUMMARY -> LineFields.textOrNull(line.path("summary"));
            default -> null;
        };
    }

    private static String bashOutput(JsonNode data) {
        String full = data.path("fullOutput").asText("");
        return full.isEmpty() ? data.path("output").asText("") : full;
    }
}
