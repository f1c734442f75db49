package io.sessionfriction.processor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.SignalMatcher;

/** The catalogue's line rules applied to one line: a signal per matching rule, with the line that matched. */
public final class RuleMatcher implements SignalMatcher {

    private final List<Rule> rules;

    public RuleMatcher(RuleCatalogue catalogue) {
        this.rules = catalogue.lineRules();
    }

    @Override
    public List<EnrichedEvent.Signal> match(EnrichedEvent event) {
        List<EnrichedEvent.Signal> signals = new ArrayList<>();
        for (Rule rule : rules) {
            Optional<String> excerpt = rule.match(event);
            excerpt.ifPresent(text -> signals.add(
                    new EnrichedEvent.Signal(rule.id(), rule.category(), rule.severity().label(), text)));
        }
        return signals;
    }
}
