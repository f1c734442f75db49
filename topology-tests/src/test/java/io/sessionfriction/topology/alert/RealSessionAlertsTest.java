package io.sessionfriction.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
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
    void overAllRealTranscriptsAnAlertIsReEmittedOnlyAtEscalationsAndABackgroundedCommandIsNeverAnError() {
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
        // Friction a reader finds by hand in these files: a test file re-run until it passes, a pre-commit
        // hook failing the same commit, a test suite running for minutes, a script without its x bit.
        assertThat(alerts).extracting(Seen::of).contains(
                new Seen("retry-loop", "mix test test/spotter_web/live/session_live_test.exs <n>>&<n>", 3, 0),
                new Seen("retry-loop", "mix test test/spotter_web/live/project_review_live_test.exs <n>>&<n>", 5, 1),
                new Seen("slow-command", "mix test --seed <n> <n>>&<n> | tail -<n>", 1, 0));
        assertThat(alerts).filteredOn(alert -> alert.rule().equals("permission-denied"))
                .singleElement().satisfies(alert -> assertThat(alert.evidence().get(0).excerpt()).isEqualTo("(eval):1: permission denied:"));
    }

    private static String uuidOf(String line) {
        try {
            return Json.MAPPER.readTree(line).path("uuid").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON line: " + line, e);
        }
    }

    @Test
    void aMissingFileAMissingPythonAndACompaction() {
        assertThat(alertsOf("sample_main_transcript.jsonl")).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Bash | cat nonexistent.txt", 1, 0),
                new Seen("command-not-found", "cat: nonexistent.txt: No such file or directory", 1, 0),
                new Seen("tool-error", "Bash | python /workspace/number_generator.py", 1, 0),
                new Seen("command-not-found", "/bin/bash: line N: python: command not found", 1, 0),
                new Seen("python-env", "/bin/bash: line N: python: command not found", 1, 0),
                new Seen("context-overflow", "context-overflow", 1, 0));
    }

    @Test
    void aSubagentWithoutTree() {
        List<FrictionAlert> alerts = alertsOf("agent-afc096d.jsonl");

        assertThat(alerts).extracting(Seen::of).containsExactly(
                new Seen("tool-error", "Bash | tree /home/USER/projects/spotter-worktrees/spotter-0rt/lib -L <n>", 1, 0),
                new Seen("command-not-found", "(eval):N: command not found: tree", 1, 0),
                new Seen("tool-error", "Read", 1, 0));
        assertThat(alerts.get(1).sessionId()).isEqualTo("6c2214d7-b87e-4432-8e41-22ba294ea584");
        assertThat(alerts.get(1).context().command()).isEqualTo("tree /home/USER/projects/spotter-worktrees/spotter-0rt/lib -L 3");
    }

    @Test
    void anAnalystWhoseServerDoesNotStartAndWhoRejectsTheAgentsCommand() {
        List<FrictionAlert> alerts = alertsOf("short.jsonl");

        assertThat(alerts).extracting(Seen::of).containsExactly(
                new Seen("user-confusion", "user-confusion", 1, 0),
                new Seen("tool-error", "Bash | mix phx.server <n>>&<n> | head -<n>", 1, 0),
                new Seen("user-rejection", "user-rejection", 1, 0),
                new Seen("tool-error", "Glob", 1, 0));
        assertThat(alerts.get(0).evidence()).extracting(FrictionAlert.Evidence::excerpt)
                .containsExactly("mix phx.server doesnt seem to start");
    }

    @Test
    void frustrationInARealPrompt() {
        assertThat(alertsOf("tool_heavy.jsonl")).extracting(Seen::of).containsExactly(
                new Seen("user-rejection", "user-rejection", 1, 0),
                new Seen("user-confusion", "user-confusion", 1, 0));
    }
}
