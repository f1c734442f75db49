package io.sessionfriction.topology.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sessionfriction.processor.SessionScopedKey;
import io.sessionfriction.processor.progress.CommandProgress;
import io.sessionfriction.testsupport.SharedData;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.RealSessions;

/**
 * The real transcripts through the whole topology. Expected figures are computed here with plain Jackson
 * over the files, independently of the processor's code.
 */
@Tag(SharedData.TAG)
class RealSessionCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Expected> EXPECTED = new HashMap<>();
    private static Map<String, CommandProgress> actual;

    /** What the file says about one command: its progress lines and their largest elapsed. */
    private record Expected(String key, String command, long updates, long maxElapsed) {
    }

    /** When the file says a command was called, started (dated by progress) and ended, and how. */
    private record Times(Instant calledAt, Instant datedStart, Instant endedAt, boolean backgrounded, boolean refused) {

        Times with(Instant called, Instant dated, Instant ended, boolean background, boolean refusal) {
            Instant start = datedStart == null || dated != null && dated.isBefore(datedStart) ? dated : datedStart;
            return new Times(called != null ? called : calledAt, start, ended != null ? ended : endedAt,
                    backgrounded || background, refused || refusal);
        }
    }

    private static final Map<String, Times> TIMES = new HashMap<>();

    /**
     * Pipes every real file once, for the first test: called from the tests, not a {@code @BeforeAll},
     * so where the files are absent each test is reported skipped with the reason.
     */
    private static void pipeEveryRealFile() throws Exception {
        if (actual != null) {
            return;
        }
        Map<String, CommandProgress> piped = new HashMap<>();
        // One driver per file: the files span months, and piped one after another the older ones would
        // rightly be judged late against the newer ones' stream time.
        for (Path file : RealSessions.files()) {
            String sessionKey = RealSessions.sessionKey(file);
            try (FrictionDriver driver = FrictionDriver.start()) {
                for (String line : RealSessions.lines(file)) {
                    driver.pipeRaw(sessionKey, RealSessions.user(file), line);
                    expect(sessionKey, JSON.readTree(line));
                }
                piped.putAll(driver.commands());
                assertThat(driver.deadLetters()).as(file.toString()).isEmpty();
                assertThat(driver.late()).as(file.toString()).isEmpty();
            }
        }
        actual = piped;
    }

    private static void expect(String sessionKey, JsonNode line) {
        timing(sessionKey, line);
        if (line.path("type").asText().equals("assistant")) {
            for (JsonNode block : line.path("message").path("content")) {
                if (block.path("type").asText().equals("tool_use") && block.path("name").asText().equals("Bash")) {
                    String key = SessionScopedKey.of(sessionKey, block.path("id").asText());
                    Expected known = EXPECTED.getOrDefault(key, new Expected(key, null, 0, 0));
                    EXPECTED.put(key, new Expected(key, block.path("input").path("command").asText(), known.updates(), known.maxElapsed()));
                }
            }
        }
        if (line.path("data").path("type").asText().equals("bash_progress")) {
            String key = SessionScopedKey.of(sessionKey, line.path("parentToolUseID").asText());
            Expected known = EXPECTED.getOrDefault(key, new Expected(key, null, 0, 0));
            EXPECTED.put(key, new Expected(key, known.command(), known.updates() + 1,
                    Math.max(known.maxElapsed(), line.path("data").path("elapsedTimeSeconds").asLong())));
        }
    }

    private static void timing(String sessionKey, JsonNode line) {
        Instant at = line.path("timestamp").isTextual() ? Instant.parse(line.path("timestamp").asText()) : null;
        Times none = new Times(null, null, null, false, false);
        for (JsonNode block : line.path("message").path("content")) {
            if (block.path("type").asText().equals("tool_use") && block.path("name").asText().equals("Bash")) {
                TIMES.merge(sessionKey + "|" + block.path("id").asText(), none.with(at, null, null, false, false),
                        (was, now) -> was.with(at, null, null, false, false));
            }
            if (block.path("type").asText().equals("tool_result")) {
                String content = block.path("content").isTextual() ? block.path("content").asText() : block.path("content").toString();
                boolean background = line.path("toolUseResult").path("backgroundTaskId").isTextual();
                boolean refusal = content.startsWith("The user doesn't want to proceed");
                TIMES.computeIfPresent(sessionKey + "|" + block.path("tool_use_id").asText(),
                        (key, was) -> was.with(null, null, at, background, refusal));
            }
        }
        if (line.path("data").path("type").asText().equals("bash_progress")) {
            Instant dated = at.minusSeconds(line.path("data").path("elapsedTimeSeconds").asLong());
            TIMES.merge(sessionKey + "|" + line.path("parentToolUseID").asText(), none.with(null, dated, null, false, false),
                    (was, now) -> was.with(null, dated, null, false, false));
        }
    }

    /** Seconds the file says a command ran: from its dated start (or, without progress, at most 2 s before its end) to its end. */
    private static double ranFromTheFile(Times times) {
        Instant start = times.datedStart();
        if (start == null) {
            start = times.refused() ? times.endedAt() : times.backgrounded() ? times.calledAt()
                    : Collections.max(List.of(times.calledAt(), times.endedAt().minusSeconds(2)));
        }
        start = start.isBefore(times.calledAt()) ? times.calledAt() : start.isAfter(times.endedAt()) ? times.endedAt() : start;
        return Duration.between(start, times.endedAt()).toMillis() / 1000.0;
    }

    @Test
    void everyCommandRanTheTimeTheFileShowsItRanNeverItsWaitBeforeIt() throws Exception {
        pipeEveryRealFile();
        List<Times> ended = new ArrayList<>();
        TIMES.forEach((key, times) -> {
            if (times.calledAt() == null || times.endedAt() == null) {
                return;
            }
            ended.add(times);
            CommandProgress command = actual.get(key);
            double ran = ranFromTheFile(times);
            assertThat(command.ranSeconds()).as(key).isEqualTo(ran);
            assertThat(command.waitedSeconds() + command.ranSeconds()).as(key)
                    .isCloseTo(Duration.between(times.calledAt(), times.endedAt()).toMillis() / 1000.0, within(0.002));
        });
        assertThat(ended).hasSizeGreaterThan(400);
        // The commits held three minutes by the pre-commit hook waited; the longest run is the test suite's 130 s.
        CommandProgress longestRun = actual.values().stream().filter(c -> c.ranSeconds() != null)
                .max(Comparator.comparingDouble(CommandProgress::ranSeconds)).orElseThrow();
        assertThat(longestRun.command()).startsWith("mix test");
        assertThat(actual.values()).filteredOn(c -> c.waitedSeconds() != null && c.waitedSeconds() >= 60)
                .isNotEmpty().allSatisfy(c -> assertThat(c.ranSeconds()).as(c.command()).isLessThan(10));
    }

    @Test
    void theLongestCommandComesOutAsOneCommandWithItsLargestElapsed() throws Exception {
        pipeEveryRealFile();
        Expected longest = EXPECTED.values().stream().max(Comparator.comparingLong(Expected::maxElapsed)).orElseThrow();

        CommandProgress command = actual.get(longest.key());
        assertThat(command.command()).isEqualTo(longest.command());
        assertThat(command.updates()).isEqualTo(longest.updates()).isGreaterThan(100);
        assertThat(command.maxElapsedSeconds()).isEqualTo(longest.maxElapsed());
        assertThat(actual.keySet()).as("commands are keyed by their tool_use, never by a parentUuid")
                .allMatch(key -> key.contains("|toolu_"));
    }

    @Test
    void everyBashCommandOfEveryFileIsOneRecordWithTheFilesFigures() throws Exception {
        pipeEveryRealFile();
        assertThat(actual).hasSameSizeAs(EXPECTED);
        EXPECTED.values().forEach(expected -> {
            CommandProgress command = actual.get(expected.key());
            assertThat(command).as(expected.key()).isNotNull();
            assertThat(command.updates()).as(expected.key()).isEqualTo(expected.updates());
            assertThat(command.maxElapsedSeconds() == null ? 0 : command.maxElapsedSeconds()).as(expected.key())
                    .isEqualTo(expected.maxElapsed());
            assertThat(command.command()).as(expected.key()).isEqualTo(expected.command());
        });
    }
}
