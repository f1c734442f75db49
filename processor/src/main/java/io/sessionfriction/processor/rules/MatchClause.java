package io.sessionfriction.processor.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;

/**
 * One way a rule can match a single line: the line is of one of {@code kinds} (any if empty), its tool
 * is one of {@code tools} (any if empty), {@code regex} is found in {@code field}, every {@code when}
 * condition holds and none of the {@code unless} conditions does.
 */
public record MatchClause(Set<EventKind> kinds, Set<String> tools, EventField field, RuleRegex regex, List<Condition> when,
                          List<Condition> unless) {

    /** The regex is found in the field. */
    public record Condition(EventField field, RuleRegex regex) {

        boolean holds(FieldValues line) {
            return regex.find(line, field) >= 0;
        }
    }

    /** Excerpts longer than this are cut: an excerpt identifies the problem, it does not carry the output. */
    static final int MAX_EXCERPT = 240;

    public MatchClause {
        kinds = Set.copyOf(kinds);
        when = List.copyOf(when);
        unless = List.copyOf(unless);
        tools = tools.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The line of the field that matched, trimmed and capped; empty when this clause does not match. */
    Optional<String> excerpt(FieldValues line) {
        EnrichedEvent event = line.event();
        if (!kinds.isEmpty() && !kinds.contains(event.kind())) {
            return Optional.empty();
        }
        if (!tools.isEmpty() && (event.toolName() == null || !tools.contains(event.toolName().toLowerCase(Locale.ROOT)))) {
            return Optional.empty();
        }
        if (line.value(field) == null || !when.stream().allMatch(condition -> condition.holds(line))
                || unless.stream().anyMatch(condition -> condition.holds(line))) {
            return Optional.empty();
        }
        int at = regex.find(line, field);
        return at >= 0 ? Optional.of(lineAround(line.value(field), at)) : Optional.empty();
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at - 1) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end).strip();
        return line.length() <= MAX_EXCERPT ? line : line.substring(0, MAX_EXCERPT) + "…";
    }
}
