package io.sessionfriction.topology.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
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
