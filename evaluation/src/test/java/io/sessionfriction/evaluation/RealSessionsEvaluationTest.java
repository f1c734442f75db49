package io.sessionfriction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.testsupport.SharedData;

/**
 * The shipped rules scored on the team's real transcripts against labels/real-sessions.yaml: the goal is
 * every rule at least 90% precise, and docs/rules.md records what they score.
 */
@Tag(SharedData.TAG)
class RealSessionsEvaluationTest {

    static final Path LABELS = Path.of("labels", "real-sessions.yaml");

    private static Scores scores;

    @BeforeAll
    static void score() {
        FrictionKinds kinds = FrictionKinds.shipped();
        scores = Evaluation.score(SharedData.realSessions(), Labels.read(LABELS, kinds), RuleCatalogue.defaults(), kinds);
    }

    @Test
    void everyRuleThatAlertsIsAtLeastNinetyPercentPreciseAndMostFrictionIsFound() {
        assertThat(scores.rules()).filteredOn(rule -> rule.alerts() > 0)
                .allSatisfy(rule -> assertThat(rule.trueAlerts()).as(rule.rule()).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * rule.alerts())));
        assertThat(scores.trueAlerts()).isGreaterThanOrEqualTo(25);
        assertThat(scores.alerted()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void docsRulesMdRecordsTheseScores() {
        assertThat(ScoreTable.render(scores, false)).isEqualTo(DocumentedScores.table("real-sessions"));
    }
}
