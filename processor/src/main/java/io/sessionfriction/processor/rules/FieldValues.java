package io.sessionfriction.processor.rules;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.sessionfriction.processor.event.EnrichedEvent;

/**
 * One line's fields as the rules read them: each field read, and case folded, once however many rules
 * and clauses look at it (derived fields such as {@code program} parse the command each time they are read).
 */
final class FieldValues {

    private final EnrichedEvent event;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> folded = new HashMap<>();

    FieldValues(EnrichedEvent event) {
        this.event = event;
    }

    EnrichedEvent event() {
        return event;
    }

    /** The field's text on this line, or null when the line has none. */
    String value(EventField field) {
        String key = field.toString();
        if (values.containsKey(key)) {
            return values.get(key);
        }
        String value = field.read(event);
        values.put(key, value);
        return value;
    }

    /** The field's text lower-cased (non-null: only asked for a field the line has). */
    String folded(EventField field) {
        return folded.computeIfAbsent(field.toString(), key -> value(field).toLowerCase(Locale.ROOT));
    }
}
