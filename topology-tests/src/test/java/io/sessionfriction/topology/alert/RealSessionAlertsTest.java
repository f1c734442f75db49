package io.sessionfriction.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.testsupport.SharedData;
import io.sessionfriction.topology.RealSessions;

/**
 * The shipped rules on the team's real transcripts ({@link RealSessions}): the friction a reader finds in
 * them by hand, and nothing else.
 */
@Tag(SharedData.TAG)
class RealSessionAlertsTest {

    /** Alerts of one real file, piped alone (files span months: after newer ones, older ones would be late). */
    private static List<FrictionAlert> alertsOf(String fileName) {
        Path file = RealSessions.files().stream().filter(path -> path.endsWith(fileName)).findFirst().orElseThrow();
        try (AlertDriver driver = AlertDriver.start()) {
            driver.pipeRaw(RealSessions.sessionKey(file), RealSessions.user(file), RealSessions.lines(file));
            assertThat(driver.suppressed()).isEmpty();
            return driver.alerts();
        }
    }

    @Test
    void overAllRealTranscriptsAnAlertIsReEmittedOnlyAtEscalationsOneLineGivesOneAlertAndABackgroundedCommandIsNeverAnError() {
        List<FrictionAlert> alerts = new ArrayList<>();
        Set<String> backgroundedResults = new HashSet<>();
        // One driver per session (its main file and its subagents' files share the session's state).
        Map<String, List<Path>> sessions = RealSessions.files().stream()
                .collect(Collectors.groupingBy(RealSessions::sessionKey, TreeMap::new, Collectors.toList()));
        sessions.forEach((session, files) -> {
            try (AlertDriver driver = AlertDriver.start()) {
                for (Path file : files) {
                    List<String> lines = RealSessions.lines(file);
                    lines.stream().filter(line -> line.contains("\"backgroundTaskId\"")).map(RealSessionAlertsTest::uuidOf)
                            .forEach(backgroundedResults::add);
                    driver.pipeRaw(session, RealSessions.user(file), lines);
                }
                alerts.addAll(driver.alerts());
            }
        });

        Map<String, List<FrictionAlert>> byId = alerts.stream().collect(Collectors.groupingBy(FrictionAlert::alertId));
        assertThat(byId.values()).allSatisfy(emissions -> {
            assertThat(emissions).hasSizeLessThanOrEqualTo(3);
            assertThat(emissions).extracting(FrictionAlert::escalation).isSorted().doesNotHaveDuplicates();
        });
        assertThat(backgroundedResults).isNotEmpty();
        assertThat(alerts).flatExtracting(FrictionAlert::evidence).extracting(FrictionAlert.Evidence::uuid)
                .doesNotContainAnyElementsOf(backgroundedResults);
        // No line is evidence of two alerts.
        Map<String, Set<String>> alertsByLine = new HashMap<>();
        byId.forEach((id, emissions) -> emissions.forEach(alert -> alert.evidence()
                .forEach(e -> alertsByLine.computeIfAbsent(e.uuid(), u -> new HashSet<>()).add(id))));
        assertThat(alertsByLine.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        // Friction a reader finds by hand: the same commit rejected by the pre-commit hook again and again, then
        // reported done; test output whose failures a pipe hid; a suite running for minutes; every commit held
        // three minutes by the PreToolUse hook; the agent blocking on a background test run.
        assertThat(alerts).extracting(Seen::of).contains(
                new Seen("retry-loop", "git commit", 3, 0),
                new Seen("success-after-failure", "success-after-failure", 1, 0),
                new Seen("hidden-failure", "mix test | ** (Mix) Could not start application opentelemetry: exited in: :opentelemetry_app.start(:normal, [])", 1, 0),
                new Seen("slow-command", "mix test", 1, 0),
                new Seen("hook-wait", "Bash | git commit", 1, 0),
                new Seen("background-wait", "mix test", 1, 0));
        assertThat(alerts).extracting(FrictionAlert::rule).doesNotContain("permission-denied", "auth-failure", "timeout");
    }

    private static String uuidOf(String line) {
        try {
            return Json.MAPPER.readTree(line).path("uuid").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON line: " + line, e);
        }
    }

    @Test
    void aMissingPythonIsOneAlertAndAChosenCompactionAndARequestedFailureAreNone() {
        // The analyst asked to cat a missing file; the /compact was theirs.
        assertThat(alertsOf("sample_main_transcript.jsonl")).extracting(Seen::of).containsExactly(
                new Seen("python-env", "<path>: line N: python: command not found", 1, 0));
    }

    @Test
    void aSubagentWithoutTree() {
        List<FrictionAlert> alerts = alertsOf("agent-afc096d.jsonl");

        assertThat(alerts).extracting(Seen::of).containsExactly(
                new Seen("command-not-found", "(eval):N: command not found: tree", 1, 0));
        assertThat(alerts.get(0).sessionId()).isEqualTo("6c2214d7-b87e-4432-8e41-22ba294ea584");
        assertThat(alerts.get(0).context().command()).isEqualTo("tree /home/USER/projects/spotter-worktrees/spotter-0rt/lib -L 3");
    }

    @Test
    void anAnalystWhoRefusesTheAgentsCommandAtTheOpeningOfASession() {
        // "mix phx.server doesnt seem to start" is the request, not a reaction to the agent.
        assertThat(alertsOf("short.jsonl")).extracting(Seen::of).containsExactly(
                new Seen("user-rejection", "user-rejection", 1, 0));
    }

    @Test
    void anInterruptSecondsAfterThePromptIsRephrasingOneLaterIsAStop() {
        List<FrictionAlert> alerts = alertsOf("tool_heavy.jsonl");

        assertThat(alerts).extracting(Seen::of).containsExactly(new Seen("user-rejection", "user-rejection", 1, 0));
        assertThat(alerts.get(0).evidence()).extracting(FrictionAlert.Evidence::excerpt)
                .containsExactly("interrupted the agent 24 s after the analyst's last word");
    }

    @Test
    void aCallWaitingAMinuteForTheAnalystsApproval() {
        List<FrictionAlert> alerts = alertsOf("subagent.jsonl");

        assertThat(alerts).extracting(Seen::of).containsExactly(new Seen("approval-wait", "Bash", 1, 0));
        assertThat(alerts.get(0).secondsLost()).isBetween(60.0, 62.0);
    }
}
