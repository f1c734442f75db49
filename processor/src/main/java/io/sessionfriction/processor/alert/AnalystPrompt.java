package io.sessionfriction.processor.alert;

import java.util.Optional;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;

/**
 * What the analyst typed, as opposed to other user lines: a subagent's prompts come from the parent
 * agent (isSidechain), isMeta lines are injected reminders, text starting with a tag is a slash
 * command or its output ({@code <command-name>}, {@code <local-command-stdout>}, {@code <system-reminder>},
 * {@code <task-notification>}), and {@code [Request interrupted by user...]} is Claude Code's record of an interrupt.
 */
final class AnalystPrompt {

    private AnalystPrompt() {
    }

    static Optional<String> of(EnrichedEvent event) {
        if (event.kind() != EventKind.USER_PROMPT || event.text() == null || flag(event, "isSidechain") || flag(event, "isMeta")) {
            return Optional.empty();
        }
        String text = event.text().strip();
        return text.isEmpty() || text.startsWith("<") || text.startsWith("[Request interrupted") ? Optional.empty() : Optional.of(text);
    }

    private static boolean flag(EnrichedEvent event, String field) {
        return event.event() != null && event.event().path(field).asBoolean(false);
    }
}
