package io.sessionfriction.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.MeteredProcessorEvents.DeadLetterReason;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.Severity;
import io.sessionfriction.redaction.Redactor;

class MeteredProcessorEventsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void everyCounterExistsAtZeroBeforeItsFirstEvent() {
        new MeteredProcessorEvents(registry, RuleCatalogue.defaults().rules());

        assertThat(registry.get(MeteredProcessorEvents.DEAD_LETTERS).counters()).extracting(c -> c.getId().getTag("reason"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(DeadLetterReason.values()).map(DeadLetterReason::tag).toList());
        assertThat(registry.get(MeteredProcessorEvents.DUPLICATES).counter().count()).isZero();
        assertThat(registry.get(MeteredProcessorEvents.LATE_EVENTS).counter().count()).isZero();
        assertThat(registry.get(MeteredProcessorEvents.ALERTS).tags("rule", "retry-loop", "severity", "high", "suppressed", "false")
                .counter().count()).isZero();
        assertThat(registry.get(MeteredProcessorEvents.ALERTS).counters()).hasSize(2 * RuleCatalogue.defaults().rules().size())
                .extracting(Counter::count).containsOnly(0.0);
    }

    @Test
    void eachKindOfSecretHasItsRedactionCounterAtZeroFromTheStart() {
        new MeteredProcessorEvents(registry, List.of(), Redactor.defaults().kinds());

        assertThat(registry.get(MeteredProcessorEvents.REDACTIONS).counters()).extracting(c -> c.getId().getTag("kind"))
                .containsExactlyInAnyOrderElementsOf(Redactor.defaults().kinds()).contains("jwt");
        assertThat(registry.get(MeteredProcessorEvents.REDACTIONS).counters()).extracting(Counter::count).containsOnly(0.0);
    }

    @Test
    void aDeadLetterIsCountedByTheKindOfItsErrorNeverByItsText() {
        MeteredProcessorEvents events = new MeteredProcessorEvents(registry);

        events.deadLettered("s1", "malformed JSON: Unexpected character ('n' (code 110)) at line 1, column 2");
        events.deadLettered("s1", "missing timestamp on a USER_PROMPT line");
        events.deadLettered("s1", "unparsable timestamp: yesterday");
        events.deadLettered("s1", "timestamp is not an ISO-8601 string: 1760000000");
        events.deadLettered("s1", "a reason nobody foresaw: 42");

        assertThat(count(DeadLetterReason.MALFORMED_JSON)).isEqualTo(1);
        assertThat(count(DeadLetterReason.MISSING_TIMESTAMP)).isEqualTo(1);
        assertThat(count(DeadLetterReason.UNPARSABLE_TIMESTAMP)).isEqualTo(2);
        assertThat(count(DeadLetterReason.OTHER)).isEqualTo(1);
        assertThat(registry.get(MeteredProcessorEvents.DEAD_LETTERS).counters()).hasSize(DeadLetterReason.values().length);
    }

    @Test
    void anAlertIsCountedByRuleSeverityAndWhetherItWasSuppressed() {
        MeteredProcessorEvents events = new MeteredProcessorEvents(registry);

        events.alertPublished("s1", "python-env", Severity.HIGH, true);

        assertThat(registry.get(MeteredProcessorEvents.ALERTS).tags("rule", "python-env", "severity", "high", "suppressed", "true")
                .counter().count()).isEqualTo(1);
    }

    private double count(DeadLetterReason reason) {
        return registry.get(MeteredProcessorEvents.DEAD_LETTERS).tag("reason", reason.tag()).counter().count();
    }
}
