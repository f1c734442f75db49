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
        assertThat(permission.mostInOneSession()).isEqualTo(2);
        assertThat(permission.firstSeen()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(permission.lastSeen()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(permission.title()).isEqualTo("Friction point: permission-denied on `cp out.csv /data/shared/`");
        assertThat(permission.rootCause()).startsWith("The analyst's account lacks access");
        assertThat(permission.labels()).containsExactly("bug", "enhancement", "security");
        assertThat(permission.evidence()).extracting(FrictionPoint.Excerpt::sessionId).containsExactly("s-alice-1", "s-carol-1");
    }

    @Test
    void impactWeighsSeverityWithReachAndTimeLostAndOrdersThePoints() {
        assertThat(points).extracting(FrictionPoint::rule, FrictionPoint::impact).containsExactly(
                tuple("permission-denied", Impact.HIGH),   // high severity, two users
                tuple("auth-failure", Impact.HIGH),        // high severity, five times in one session
                tuple("approval-wait", Impact.MEDIUM),     // medium severity, twice, 25 minutes lost
                tuple("user-rejection", Impact.LOW));      // low severity, once
        assertThat(Impact.of("high", 1, 1, 1, 0)).isEqualTo(Impact.MEDIUM);
        assertThat(Impact.of("medium", 1, 1, 3, 0)).isEqualTo(Impact.MEDIUM);
        assertThat(Impact.of("low", 3, 1, 3, 0)).isEqualTo(Impact.MEDIUM);
        assertThat(Impact.of("low", 2, 2, 2, 0)).as("two people, not one twice").isEqualTo(Impact.MEDIUM);
        assertThat(Impact.of("low", 2, 1, 2, 0)).isEqualTo(Impact.LOW);
        assertThat(Impact.of("medium", 1, 1, 1, 0)).isEqualTo(Impact.LOW);
        assertThat(Impact.of("medium", 1, 1, 1, 600)).as("ten minutes lost").isEqualTo(Impact.MEDIUM);
    }

    @Test
    void withinOneImpactMoreSessionsThenMoreUsersThenSeverityThenTimeLostComeFirst() {
        List<FrictionPoint> ranked = FrictionPoints.group(List.of(
                ReplayFixtures.alert("s1", "alice", "approval-wait", "waiting", "medium", "Read", 1, Duration.ZERO, 900),
                ReplayFixtures.alert("s2", "alice", "approval-wait", "waiting", "medium", "Bash", 1, Duration.ZERO, 1200),
                ReplayFixtures.alert("s3", "bob", "tool-error", "tool-failure", "high", "Bash | make", 1, Duration.ZERO),
                ReplayFixtures.alert("s4", "bob", "timeout", "timeout", "medium", "Bash | dbt run", 1, Duration.ZERO),
                ReplayFixtures.alert("s5", "carol", "timeout", "timeout", "medium", "Bash | dbt run", 1, Duration.ZERO)),
                RuleCatalogue.defaults());

        assertThat(ranked).extracting(FrictionPoint::fingerprint, FrictionPoint::impact).containsExactly(
                tuple("Bash | dbt run", Impact.HIGH),      // two sessions of two users
                tuple("Bash | make", Impact.MEDIUM),       // one session, high severity
                tuple("Bash", Impact.MEDIUM),              // medium severity, 20 minutes lost
                tuple("Read", Impact.MEDIUM));             // medium severity, 15 minutes lost
        assertThat(ranked.get(2).secondsLost()).isEqualTo(1200);
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
