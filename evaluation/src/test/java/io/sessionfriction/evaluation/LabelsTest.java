package io.sessionfriction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.processor.rules.RuleCatalogue;

class LabelsTest {

    @TempDir
    Path dir;

    private final FrictionKinds kinds = FrictionKinds.shipped();

    private Path labels(String yaml) throws IOException {
        return Files.writeString(dir.resolve("labels.yaml"), yaml);
    }

    @Test
    void aLabelNamesItsLineByUuidWithAKindAndAReason() throws IOException {
        Labels labels = Labels.read(labels("""
                files:
                  bob/s.jsonl:
                    - {line: 5, uuid: u-5, friction: missing-command, why: "jq is not installed."}
                    - {line: 7, uuid: u-7, notFriction: wrong-path, why: "found next"}
                """), kinds);

        assertThat(labels.of("bob/s.jsonl")).containsExactly(
                new Label("bob/s.jsonl", 5, "u-5", true, "missing-command", "jq is not installed."),
                new Label("bob/s.jsonl", 7, "u-7", false, "wrong-path", "found next"));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsFileAndEntry() throws IOException {
        Path file = labels("""
                files:
                  bob/s.jsonl:
                    - {line: 5, friction: missing-command}
                    - {line: 6, uuid: u-6, friction: frustrated}
                    - {uuid: u-7, friction: timeout, notFriction: intended}
                """);

        assertThatThrownBy(() -> Labels.read(file, kinds)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + ": bob/s.jsonl entry 0: 'uuid' is required")
                .hasMessageContaining(file + ": bob/s.jsonl entry 1: 'frustrated' is not a friction kind of /friction-kinds.yaml")
                .hasMessageContaining(file + ": bob/s.jsonl entry 2: exactly one of 'friction' and 'notFriction' is required")
                .hasMessageContaining(file + ": bob/s.jsonl entry 2: 'line' (the 1-based line number) is required");
    }

    @Test
    void aLabelOnALineTheTranscriptDoesNotHaveIsAnErrorNotASilentMiss() throws IOException {
        Labels labels = Labels.read(labels("""
                files:
                  bob/2026-02-10_64dd87dd-7b7c-4bff-89ca-e9ff42be03d8.jsonl:
                    - {line: 6, uuid: 5e123a23-f6ee-439f-9d23-2a6df22ada41, friction: missing-command}
                  bob/nowhere.jsonl:
                    - {line: 1, uuid: u-1, friction: timeout}
                """), kinds);

        assertThatThrownBy(() -> Evaluation.score(EvaluationOnSamplesTest.SAMPLES, labels, RuleCatalogue.defaults(), kinds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bob/2026-02-10_64dd87dd-7b7c-4bff-89ca-e9ff42be03d8.jsonl: uuid 5e123a23-f6ee-439f-9d23-2a6df22ada41 "
                        + "is not at line 6 (it is at bob/2026-02-10_64dd87dd-7b7c-4bff-89ca-e9ff42be03d8.jsonl:5)")
                .hasMessageContaining("bob/nowhere.jsonl: no such transcript under the sessions root");
    }

    @Test
    void everyKindLabelsUseIsDefinedAndEveryShippedRuleReportsAKindOrIsNamedHere() {
        assertThat(kinds.frictionKinds()).contains("hidden-failure", "approval-wait", "false-success");
        assertThat(RuleCatalogue.defaults().rules()).allSatisfy(rule -> assertThat(kinds.kindsOf(rule.id())).isNotEmpty());
    }
}
