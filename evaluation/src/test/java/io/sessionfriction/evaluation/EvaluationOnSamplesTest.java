package io.sessionfriction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.rules.RuleCatalogue;

/**
 * The shipped rules scored on the shipped samples against their labels (labels/samples.yaml): this runs in
 * any clone. Every alert is on a line marked friction, and every labelled friction has an alert.
 */
class EvaluationOnSamplesTest {

    static final Path SAMPLES = Path.of("..", "samples", "sessions");
    static final Path LABELS = Path.of("labels", "samples.yaml");

    private final FrictionKinds kinds = FrictionKinds.shipped();
    private final Scores scores = Evaluation.score(SAMPLES, Labels.read(LABELS, kinds), RuleCatalogue.defaults(), kinds);

    @Test
    void everyAlertIsOnALineMarkedFriction() {
        assertThat(scores.falseAlerts()).isEmpty();
        assertThat(scores.rules()).filteredOn(rule -> rule.alerts() > 0)
                .extracting(Scores.RuleScore::rule, Scores.RuleScore::alerts, Scores.RuleScore::trueAlerts).containsExactly(
                        tuple("user-rejection", 1, 1),
                        tuple("retry-loop", 1, 1),
                        tuple("auth-failure", 2, 2),
                        tuple("permission-denied", 1, 1),
                        tuple("python-env", 1, 1),
                        tuple("command-not-found", 1, 1),
                        tuple("timeout", 1, 1),
                        tuple("data-sync", 1, 1),
                        tuple("user-confusion", 1, 1),
                        tuple("slow-command", 1, 1),
                        tuple("api-error", 1, 1),
                        tuple("context-overflow", 1, 1));
    }

    @Test
    void everyLabelledFrictionGotAnAlert() {
        assertThat(scores.missed()).isEmpty();
        assertThat(scores.kinds()).filteredOn(kind -> kind.friction() > 0)
                .extracting(Scores.KindScore::kind, Scores.KindScore::friction, Scores.KindScore::alerted).containsExactly(
                        tuple("repeated-failure", 5, 5),
                        tuple("missing-command", 1, 1),
                        tuple("python-env", 1, 1),
                        tuple("permission-wall", 2, 2),
                        tuple("auth-failure", 2, 2),
                        tuple("timeout", 1, 1),
                        tuple("api-error", 2, 2),
                        tuple("context-overflow", 1, 1),
                        tuple("slow-command", 1, 1),
                        tuple("user-frustration", 4, 4),
                        tuple("user-rejection", 1, 1));
    }

    @Test
    void docsRulesMdRecordsTheseScores() {
        assertThat(ScoreTable.render(scores, false)).isEqualTo(DocumentedScores.table("samples"));
    }

    @Test
    void theTableNamesEachRuleAndKindWithItsShares() {
        String table = ScoreTable.render(scores, true);

        assertThat(table).contains("retry-loop                  1     1      100%   repeated-failure              5       4     80%");
        assertThat(table).contains("all friction                 21      21    100%");
        assertThat(table).contains("False alerts (0):").contains("Missed friction (0):");
    }
}
