package io.sessionfriction.processor.rules;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.event.CommandShape;
import io.sessionfriction.processor.event.EnrichedEvent;

/**
 * Where a rule looks on a line: a field the enrichment derived ({@code errorText}, {@code text},
 * {@code command}, ...) or, written {@code event:/data/hookEvent}, a JSON pointer into the original
 * line, for facts enrichment does not lift out.
 */
public final class EventField {

    private static final String RAW_PREFIX = "event:";

    private static final Map<String, Function<EnrichedEvent, String>> NAMED = Map.ofEntries(
            Map.entry("errorText", EnrichedEvent::errorText),
            Map.entry("text", EnrichedEvent::text),
            Map.entry("command", EnrichedEvent::command),
            Map.entry("normalizedCommand", EnrichedEvent::normalizedCommand),
            Map.entry("description", EnrichedEvent::description),
            Map.entry("toolName", EnrichedEvent::toolName),
            Map.entry("inputSummary", EnrichedEvent::inputSummary),
            Map.entry("cwd", EnrichedEvent::cwd),
            Map.entry("type", EnrichedEvent::type),
            Map.entry("isError", e -> e.isError() == null ? null : e.isError().toString()),
            // Derived from the Bash command (CommandShape): which program decides the outcome, whether the
            // output is stored content (cat, grep: words in it are quoted), whether the exit code hides a failure.
            Map.entry("program", e -> e.command() == null ? null : CommandShape.of(e.command()).programKey()),
            Map.entry("commandOutput", e -> e.command() == null ? null : CommandShape.of(e.command()).printsContent() ? "content" : "own"),
            Map.entry("exitCodeHidden", e -> e.command() == null ? null : Boolean.toString(CommandShape.of(e.command()).hidesExitCode())));

    private final String spec;
    private final Function<EnrichedEvent, String> reader;

    private EventField(String spec, Function<EnrichedEvent, String> reader) {
        this.spec = spec;
        this.reader = reader;
    }

    /** The field's text on this line, or null when the line has none. */
    public String read(EnrichedEvent event) {
        return reader.apply(event);
    }

    @Override
    public String toString() {
        return spec;
    }

    static Optional<EventField> parse(String spec) {
        String trimmed = spec.trim();
        if (trimmed.startsWith(RAW_PREFIX)) {
            return rawPointer(trimmed.substring(RAW_PREFIX.length())).map(p -> new EventField(trimmed, rawReader(p)));
        }
        return Optional.ofNullable(NAMED.get(trimmed)).map(reader -> new EventField(trimmed, reader));
    }

    static String namedFields() {
        return String.join(", ", new TreeSet<>(NAMED.keySet())) + ", or event:/json/pointer";
    }

    private static Optional<JsonPointer> rawPointer(String text) {
        try {
            return text.startsWith("/") ? Optional.of(JsonPointer.compile(text)) : Optional.empty();
        } catch (IllegalArgumentException badPointer) {
            return Optional.empty();
        }
    }

    private static Function<EnrichedEvent, String> rawReader(JsonPointer pointer) {
        return e -> {
            if (e.event() == null) {
                return null;
            }
            JsonNode node = e.event().at(pointer);
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            return node.isValueNode() ? node.asText() : node.toString();
        };
    }
}
