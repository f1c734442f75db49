package io.sessionfriction.replay.report;

import static io.sessionfriction.replay.report.ReplayFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.rules.RuleCatalogue;

/** Alerts of many sessions become friction points: one per rule and fingerprint, most harmful first. */
class FrictionPointsTest {

    private final List<FrictionPoint> points = FrictionPoints.group(ReplayFixtures.sample().alerts(), RuleCatalogue.defaults());

    @Test
    void theSameProblemInTwoUsersSessionsIsOnePointWithBothAndTheirCounts() {
        FrictionPoint permission = points.stream().filter(p -> p.rule().equals("permission-denied")).findFirst().orElseThrow();

        assertThat(permission.sessions()).containsExactly("s-alice-1", "s-carol-1");
        assertThat(permission.users()).containsExactly("alice", "carol");
        assertThat(permission.occurrences()).isEqualTo(3);
        assertThat(permission.firstSeen()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(permission.lastSeen()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(permission.title()).isEqualTo("Friction point: permission-denied on `cp out.csv /data/shared/`");
        assertThat(permission.rootCause()).startsWith("The analyst's account lacks access");
        assertThat(permission.labels()).containsExactly("bug", "enhancement", "security");
        assertThat(permission.evidence()).extracting(FrictionPoint.Excerpt::sessionId).containsExactly("s-alice-1", "s-carol-1");
    }

    @Test
    void impactWeighsSeverityWithFrequencyAndOrdersThePoints() {
        assertThat(points).extracting(FrictionPoint::rule, FrictionPoint::impact).containsExactly(
                tuple("permission-denied", Impact.HIGH),   // high severity, two sessions
                tuple("auth-failure", Impact.HIGH),        // high severity, five times in one session
                tuple("user-rejection", Impact.LOW));      // low severity, once
        assertThat(Impact.of("high", 1, 1)).isEqualTo(Impact.MEDIUM);
        assertThat(Impact.of("medium", 1, 3)).isEqualTo(Impact.MEDIUM);
        assertThat(Impact.of("low", 3, 3)).isEqualTo(Impact.MEDIUM);
        assertThat(Impact.of("medium", 1, 1)).isEqualTo(Impact.LOW);
    }

    @Test
    void relatedSessionsAreThoseWhereTheRuleStruckOnSomethingElse() {
        List<FrictionPoint> more = FrictionPoints.group(List.of(
                ReplayFixtures.alert("s1", "alice", "tool-error", "tool-failure", "medium", "Bash | make", 1, Duration.ZERO),
                ReplayFixtures.alert("s2", "bob", "tool-error", "tool-failure", "medium", "Bash | pytest", 1, Duration.ZERO)),
                RuleCatalogue.defaults());

        assertThat(more).extracting(FrictionPoint::fingerprint, FrictionPoint::related).containsExactlyInAnyOrder(
                tuple("Bash | make", List.of("s2")), tuple("Bash | pytest", List.of("s1")));
    }
}
