package io.sessionfriction.processor.event;

import java.util.List;

/** Stateless friction rules: which signals fire on one enriched line (given without its signals). */
@FunctionalInterface
public interface SignalMatcher {

    /** Matches nothing: the topology without a rule catalogue. */
    SignalMatcher NONE = event -> List.of();

    List<EnrichedEvent.Signal> match(EnrichedEvent withoutSignals);
}
