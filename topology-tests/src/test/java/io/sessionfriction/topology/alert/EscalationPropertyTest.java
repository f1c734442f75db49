package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.alert.FailingRuns.failingRuns;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import io.sessionfriction.processor.alert.FrictionAlert;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever the length of a failure loop, its alerts are emitted only at the escalation thresholds (1, 5, 25). */
class EscalationPropertyTest {

    private static final List<Integer> THRESHOLDS = List.of(1, 5, 25);
    private static final int LOOP_FAILURES = 3;

    @Property(tries = 30)
    void aLoopOfIdenticalFailuresIsEmittedOnlyAtTheThresholds(@ForAll @IntRange(min = 1, max = 60) int failures) {
        List<FrictionAlert> alerts;
        try (AlertDriver driver = AlertDriver.start()) {
            driver.pipe(failingRuns("psql -h warehouse -f load.sql", failures, 0));
            alerts = driver.alerts();
        }

        List<Long> expectedToolErrors = THRESHOLDS.stream().filter(t -> t <= failures).map(Long::valueOf).toList();
        // A retry loop fires at its 3rd failure with the runs so far, then escalates at the next thresholds.
        List<Long> expectedLoops = failures < LOOP_FAILURES ? List.of()
                : THRESHOLDS.stream().map(t -> (long) Math.max(t, LOOP_FAILURES)).filter(t -> t <= failures).distinct().toList();
        assertEmissions(alerts, "tool-error", expectedToolErrors);
        assertEmissions(alerts, "retry-loop", expectedLoops);
        assertThat(alerts).extracting(FrictionAlert::rule).isSubsetOf("tool-error", "retry-loop");
    }

    private static void assertEmissions(List<FrictionAlert> alerts, String rule, List<Long> counts) {
        List<FrictionAlert> emitted = alerts.stream().filter(alert -> alert.rule().equals(rule)).toList();
        assertThat(emitted).extracting(FrictionAlert::count).containsExactlyElementsOf(counts);
        assertThat(emitted).extracting(FrictionAlert::escalation)
                .containsExactlyElementsOf(IntStream.range(0, counts.size()).boxed().toList());
        assertThat(emitted.stream().map(FrictionAlert::alertId).distinct()).hasSizeLessThanOrEqualTo(1);
    }
}
