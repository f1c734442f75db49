package io.sessionfriction.processor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.SignalMatcher;

/**
 * The catalogue's line rules applied to one line: one line, one signal. Of the rules that match, those
 * another matching rule inhibits are dropped (as Alertmanager's inhibition mutes an alert a more specific
 * one explains); of the rest, the first in catalogue order stands. A rule of normal iteration signals
 * with severity low: the alert stage alerts on it only when the agent gives up.
 */
public final class RuleMatcher implements SignalMatcher {

    private final List<Rule> rules;

    public RuleMatcher(RuleCatalogue catalogue) {
        this.rules = catalogue.lineRules();
    }

    @Override
    public List<EnrichedEvent.Signal> match(EnrichedEvent event) {
        List<Rule> matched = new ArrayList<>();
        List<String> excerpts = new ArrayList<>();
        FieldValues line = new FieldValues(event);
        for (Rule rule : rules) {
            Optional<String> excerpt = rule.match(line);
            if (excerpt.isPresent()) {
                matched.add(rule);
                excerpts.add(excerpt.get());
            }
        }
        for (int i = 0; i < matched.size(); i++) {
            Rule candidate = matched.get(i);
            if (matched.stream().noneMatch(other -> other != candidate && other.inhibits(candidate.id()))) {
                String severity = candidate.iteration() ? Severity.LOW.label() : candidate.severity().label();
                return List.of(new EnrichedEvent.Signal(candidate.id(), candidate.category(), severity, excerpts.get(i)));
            }
        }
        return List.of();
    }
}
