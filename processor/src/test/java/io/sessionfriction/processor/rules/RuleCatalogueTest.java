package io.sessionfriction.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.processor.event.EventKind;

class RuleCatalogueTest {

    @TempDir
    Path dir;

    private Path userFile(String yaml) throws IOException {
        return Files.writeString(dir.resolve("rules.yaml"), yaml);
    }

    private RuleCatalogueException problemsOf(String yaml) throws IOException {
        Path file = userFile(yaml);
        return (RuleCatalogueException) catchThrowable(() -> RuleCatalogue.load(Optional.of(file)));
    }

    @Test
    void theShippedCatalogueHasEveryRuleTheIssueAsksFor() {
        RuleCatalogue catalogue = RuleCatalogue.defaults();

        // From the specific to the generic: on a line several rules match, the first stands.
        assertThat(catalogue.rules()).extracting(Rule::id).containsExactly(
                "user-rejection", "approval-wait", "hook-wait", "background-wait", "retry-loop", "auth-failure",
                "permission-denied", "python-env", "command-not-found", "timeout", "data-sync", "hidden-failure",
                "success-after-failure", "user-confusion", "slow-command", "api-error", "context-overflow", "tool-error",
                "wrong-path");
        assertThat(catalogue.rules()).filteredOn(Rule::iteration).extracting(Rule::id).containsExactly("tool-error", "wrong-path");
        assertThat(catalogue.rules()).allSatisfy(rule -> {
            assertThat(rule.description()).isNotBlank();
            assertThat(rule.rootCause()).isNotBlank();
            assertThat(rule.labels()).isNotEmpty();
            assertThat(rule.escalateAt()).containsExactly(1, 5, 25);
        });
        assertThat(catalogue.rule("slow-command").orElseThrow().stateful())
                .isEqualTo(new Rule.Stateful(StatefulPattern.SLOW_COMMAND, Map.of("seconds", 120)));
        assertThat(catalogue.rule("retry-loop").orElseThrow().stateful().thresholds())
                .containsEntry("failures", 3).containsEntry("repeats", 10);
    }

    @Test
    void aUserFileOverridesOnlyTheFieldsItNamesAddsRulesAndSwitchesRulesOff() throws IOException {
        Path file = userFile("""
                escalateAt: [1, 10]
                rules:
                  - id: slow-command
                    severity: high
                    stateful: {seconds: 300}
                  - id: user-rejection
                    enabled: false
                  - id: disk-full
                    category: environment
                    severity: critical
                    labels: [pipeline]
                    description: The disk is full.
                    rootCause: Scratch space is too small for the data.
                    match:
                      - kinds: [tool-result, bash_progress]
                        field: text
                        regex: 'No space left on device'
                    fingerprint: [command]
                """);

        RuleCatalogue catalogue = RuleCatalogue.load(Optional.of(file));

        Rule slow = catalogue.rule("slow-command").orElseThrow();
        assertThat(slow.severity()).isEqualTo(Severity.HIGH);
        assertThat(slow.stateful().threshold("seconds")).isEqualTo(300);
        assertThat(slow.category()).isEqualTo("performance");
        assertThat(slow.escalateAt()).containsExactly(1, 10);
        assertThat(catalogue.rule("user-rejection")).isEmpty();
        Rule disk = catalogue.rule("disk-full").orElseThrow();
        assertThat(disk.match(new FieldValues(AnEnrichedEvent.aBashProgress("toolu_1", "cp big /tmp", 5, "cp: No space left on device").build())))
                .contains("cp: No space left on device");
        assertThat(catalogue.rules()).extracting(Rule::id).endsWith("disk-full");
    }

    @Test
    void everyProblemIsReportedWithItsRuleAndField() throws IOException {
        RuleCatalogueException error = problemsOf("""
                rules:
                  - id: slow-command
                    severity: urgent
                    stateful: {minutes: 5}
                  - id: broken-regex
                    category: x
                    severity: low
                    description: d
                    rootCause: r
                    match:
                      - kinds: [TOOL_RESUTL]
                        field: stdout
                        regex: '(unclosed'
                        unless:
                          - {field: 'event:isMeta', regex: 'true'}
                """);

        assertThat(error.problems()).containsExactlyInAnyOrder(
                "rule 'slow-command' (shipped /rules/default-rules.yaml overridden by user file " + dir.resolve("rules.yaml")
                        + "): field 'severity' 'urgent' is not one of low, medium, high, critical",
                "rule 'slow-command' (shipped /rules/default-rules.yaml overridden by user file " + dir.resolve("rules.yaml")
                        + "): field 'stateful.minutes' is not a threshold of slow-command ([seconds])",
                "rule 'broken-regex' (user file " + dir.resolve("rules.yaml") + "): field 'match[0].kinds' 'TOOL_RESUTL' is not an event kind ("
                        + Arrays.toString(EventKind.values()) + ")",
                "rule 'broken-regex' (user file " + dir.resolve("rules.yaml") + "): field 'match[0].field' 'stdout' is not one of "
                        + "command, commandOutput, cwd, description, errorText, exitCodeHidden, inputSummary, isError, normalizedCommand, program, text, toolName, type, or event:/json/pointer",
                "rule 'broken-regex' (user file " + dir.resolve("rules.yaml") + "): field 'match[0].regex' does not compile: Unclosed group near index 9",
                "rule 'broken-regex' (user file " + dir.resolve("rules.yaml") + "): field 'match[0].unless[0].field' 'event:isMeta' is not one of "
                        + "command, commandOutput, cwd, description, errorText, exitCodeHidden, inputSummary, isError, normalizedCommand, program, text, toolName, type, or event:/json/pointer");
    }

    @Test
    void unknownFieldsMissingFieldsAndDuplicateIdsAreProblems() throws IOException {
        RuleCatalogueException error = problemsOf("""
                rules:
                  - id: new-rule
                    severity: low
                    regexp: 'typo'
                  - id: second
                    category: c
                    severity: low
                    description: d
                    rootCause: r
                  - id: second
                    severity: high
                """);

        String origin = "(user file " + dir.resolve("rules.yaml") + ")";
        assertThat(error.problems()).containsExactly(
                "rule 'new-rule' " + origin + ": unknown field 'regexp'",
                "rule 'second' " + origin + ": field 'id' is used twice in this file");
    }

    @Test
    void aRuleWithNeitherMatchNorStatefulPatternIsRejected() throws IOException {
        RuleCatalogueException error = problemsOf("""
                rules:
                  - id: empty-rule
                    category: c
                    severity: low
                    description: d
                    rootCause: r
                """);

        assertThat(error.problems()).containsExactly("rule 'empty-rule' (user file " + dir.resolve("rules.yaml")
                + "): field 'match' a rule needs match clauses, a stateful pattern, or both");
    }

    @Test
    void badEscalationThresholdsAreRejected() throws IOException {
        assertThatThrownBy(() -> RuleCatalogue.load(Optional.of(userFile("escalateAt: [5, 1]\nrules: []\n"))))
                .isInstanceOf(RuleCatalogueException.class)
                .hasMessageContaining("user file " + dir.resolve("rules.yaml") + ": field 'escalateAt' [5, 1] must be positive counts in increasing order");
    }

    @Test
    void anInhibitionMustNameARuleAndTwoRulesCannotSilenceEachOther() throws IOException {
        RuleCatalogueException error = problemsOf("""
                rules:
                  - id: auth-failure
                    inhibits: [permission-denied, no-such-rule]
                  - id: permission-denied
                    inhibits: [auth-failure]
                """);

        assertThat(error.problems()).containsExactlyInAnyOrder(
                "rule 'auth-failure' (shipped /rules/default-rules.yaml overridden by user file " + dir.resolve("rules.yaml")
                        + "): field 'inhibits' names 'no-such-rule', which is not a rule",
                "rules 'auth-failure' and 'permission-denied' inhibit each other: on a line both match, neither would alert");
    }

    @Test
    void theSameRulesCanBeEmittedAtOtherCounts() {
        RuleCatalogue everyCount = RuleCatalogue.defaults().emittingAt(List.of(1, 2, 3));

        assertThat(everyCount.rules()).extracting(Rule::id).isEqualTo(RuleCatalogue.defaults().rules().stream().map(Rule::id).toList());
        assertThat(everyCount.rules()).allSatisfy(rule -> assertThat(rule.escalateAt()).containsExactly(1, 2, 3));
        assertThat(everyCount.rule("retry-loop").orElseThrow().levelFor(2)).isEqualTo(2);
        assertThat(everyCount.rule("retry-loop").orElseThrow().levelFor(7)).isEqualTo(3);
        assertThatThrownBy(() -> RuleCatalogue.defaults().emittingAt(List.of(2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 2]");
    }
}
