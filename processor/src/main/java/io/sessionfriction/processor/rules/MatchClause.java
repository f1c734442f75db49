package io.sessionfriction.processor.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;

/**
 * One way a rule can match a single line: the line is of one of {@code kinds} (any if empty), its tool
 * is one of {@code tools} (any if empty), {@code regex} is found in {@code field}, every {@code when}
 * condition holds and none of the {@code unless} conditions does.
 */
public record MatchClause(Set<EventKind> kinds, Set<String> tools, EventField field, Pattern regex, List<Condition> when,
                          List<Condition> unless) {

    /** The regex is found in the field. */
    public record Condition(EventField field, Pattern regex) {

        boolean holds(EnrichedEvent event) {
            String value = field.read(event);
            return value != null && regex.matcher(value).find();
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
    public Optional<String> excerpt(EnrichedEvent event) {
        if (!kinds.isEmpty() && !kinds.contains(event.kind())) {
            return Optional.empty();
        }
        if (!tools.isEmpty() && (event.toolName() == null || !tools.contains(event.toolName().toLowerCase(Locale.ROOT)))) {
            return Optional.empty();
        }
        String value = field.read(event);
        if (value == null || !when.stream().allMatch(condition -> condition.holds(event))
                || unless.stream().anyMatch(condition -> condition.holds(event))) {
            return Optional.empty();
        }
        Matcher matcher = regex.matcher(value);
        return matcher.find() ? Optional.of(lineAround(value, matcher.start())) : Optional.empty();
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at - 1) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end).strip();
        return line.length() <= MAX_EXCERPT ? line : line.substring(0, MAX_EXCERPT) + "…";
    }
}
