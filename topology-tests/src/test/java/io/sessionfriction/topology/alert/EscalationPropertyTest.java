package io.sessionfriction.topology.alert;

import static io.sessionfriction.topology.alert.FailingRuns.failingRuns;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import io.sessionfriction.processor.alert.FrictionAlert;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the length of a failure loop, its alert is emitted only at the escalation thresholds (1, 5,
 * 25), each record carries the true count at that moment, and the alert's state holds the final total.
 */
class EscalationPropertyTest {

    private static final List<Integer> THRESHOLDS = List.of(1, 5, 25);
    private static final int LOOP_FAILURES = 3;

    @Property(tries = 30)
    void aLoopOfIdenticalFailuresIsEmittedOnlyAtTheThresholdsWithTrueCounts(@ForAll @IntRange(min = 1, max = 60) int failures) {
        List<FrictionAlert> alerts;
        long total;
        try (AlertDriver driver = AlertDriver.start()) {
            driver.pipe(failingRuns("psql -h warehouse -f load.sql", failures, 0));
            alerts = driver.alerts();
            total = alerts.isEmpty() ? 0 : driver.alertState(alerts.get(0).alertId()).path("alert").path("count").asLong();
        }

        // A retry loop fires at its 3rd failure with the row so far, then escalates at the next thresholds;
        // each failing run is normal iteration otherwise, no alert of its own.
        List<Long> expected = failures < LOOP_FAILURES ? List.of()
                : THRESHOLDS.stream().map(t -> (long) Math.max(t, LOOP_FAILURES)).filter(t -> t <= failures).distinct().toList();
        assertThat(alerts).extracting(FrictionAlert::rule).isSubsetOf("retry-loop");
        assertThat(alerts).extracting(FrictionAlert::count).containsExactlyElementsOf(expected);
        assertThat(alerts).extracting(FrictionAlert::escalation).containsExactlyElementsOf(IntStream.range(0, expected.size()).boxed().toList());
        assertThat(alerts.stream().map(FrictionAlert::alertId).distinct()).hasSizeLessThanOrEqualTo(1);
        assertThat(total).isEqualTo(failures < LOOP_FAILURES ? 0 : failures);
    }
}
