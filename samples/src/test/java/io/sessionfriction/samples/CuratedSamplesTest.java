package io.sessionfriction.samples;

import static io.sessionfriction.samples.StrictTranscriptReader.jsonlFiles;
import static io.sessionfriction.samples.StrictTranscriptReader.lines;
import static io.sessionfriction.samples.StrictTranscriptReader.objects;
import static io.sessionfriction.samples.StrictTranscriptReader.relative;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped sample set: what samples/README.md promises about each file must hold for the generated files. */
class CuratedSamplesTest {
    private static final String OTHER_TOOL_FILE = "carol/other-tool.jsonl";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @TempDir
    static Path root;
    static List<CuratedSamples.Defect> defects;

    @BeforeAll
    static void writeSamples() throws IOException {
        defects = new CuratedSamples(SampleGenerator.DEFAULT_SEED, SampleGenerator.DEFAULT_BASE_TIME).write(root);
    }

    @Test
    void everyLineIsOneJsonObjectExceptTheDeliberatelyMalformedOnes() {
        Set<String> unparsed = new TreeSet<>();
        for (Path file : transcripts()) {
            lines(file).stream().filter(line -> !line.parsed())
                    .forEach(line -> unparsed.add(relative(root, file) + ":" + line.number()));
        }

        assertThat(unparsed).isEqualTo(defects.stream().map(d -> d.file() + ":" + d.line())
                .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(defects).extracting(CuratedSamples.Defect::kind).containsExactlyInAnyOrder(
                CuratedSamples.TRUNCATED, CuratedSamples.GARBAGE, CuratedSamples.TWO_OBJECTS);
    }

    @Test
    void twoObjectsOnOneLineAreAProgressLineFollowedByASummary() throws IOException {
        CuratedSamples.Defect joined = defect(CuratedSamples.TWO_OBJECTS);
        String text = lines(root.resolve(joined.file())).get(joined.line() - 1).text();

        List<JsonNode> objects = new ArrayList<>();
        new ObjectMapper().readerFor(JsonNode.class).readValues(text).forEachRemaining(o -> objects.add((JsonNode) o));

        assertThat(objects).extracting(o -> o.path("type").asText()).containsExactly("progress", "summary");
    }

    @Test
    void oneFileEndsWithoutANewlineAfterACompleteLastLine() {
        List<Path> unterminated = transcripts().stream().filter(file -> !StrictTranscriptReader.read(file).endsWith("\n")).toList();

        assertThat(unterminated).hasSize(1);
        List<StrictTranscriptReader.Line> lines = lines(unterminated.get(0));
        assertThat(lines.get(lines.size() - 1).parsed()).isTrue();
    }

    @Test
    void theOtherToolsFileIsOnePrettyPrintedObjectNotJsonLines() throws IOException {
        Path file = root.resolve(OTHER_TOOL_FILE);

        assertThat(new ObjectMapper().readTree(file.toFile()).isObject()).isTrue();
        assertThat(lines(file)).hasSizeGreaterThan(3).noneMatch(StrictTranscriptReader.Line::parsed);
    }

    @Test
    void envelopeLinesCarryTheEnvelopeAndLinesWithoutItDoNot() {
        for (Path file : transcripts()) {
            for (JsonNode line : objects(file)) {
                switch (line.path("type").asText()) {
                    case "user", "assistant", "progress", "system" -> {
                        assertThat(line.fieldNames()).toIterable().as(file + " " + line).contains("parentUuid", "isSidechain",
                                "userType", "cwd", "sessionId", "version", "gitBranch", "uuid", "timestamp");
                        assertThat(line.path("timestamp").asText()).matches(TIMESTAMP);
                    }
                    case "summary", "file-history-snapshot" ->
                            assertThat(line.has("timestamp") || line.has("sessionId") || line.has("uuid")).as(line.toString()).isFalse();
                    case "queue-operation" -> assertThat(line.has("uuid")).isFalse();
                    default -> throw new AssertionError("unexpected line type in " + file + ": " + line);
                }
            }
        }
    }

    @Test
    void assistantLinesHoldOneBlockAndOneApiMessageSpansSeveralLines() {
        Map<String, Integer> linesPerMessage = new HashMap<>();
        for (Path file : transcripts()) {
            objects(file).stream().filter(line -> line.path("type").asText().equals("assistant")).forEach(line -> {
                assertThat(line.path("message").path("content")).hasSize(1);
                linesPerMessage.merge(line.path("message").path("id").asText(), 1, Integer::sum);
            });
        }

        assertThat(linesPerMessage.values()).contains(1).anyMatch(count -> count >= 2);
    }

    @Test
    void toolErrorsHaveAStringToolUseResultAndBashSuccessesADict() {
        int errors = 0;
        int successes = 0;
        for (Path file : transcripts()) {
            for (JsonNode line : objects(file)) {
                JsonNode result = line.path("message").path("content").path(0);
                if (!result.path("type").asText().equals("tool_result")) {
                    continue;
                }
                JsonNode toolUseResult = line.path("toolUseResult");
                boolean interrupted = toolUseResult.path("interrupted").asBoolean();
                if (result.path("is_error").asBoolean() && !interrupted) {
                    errors++;
                    assertThat(toolUseResult.isTextual()).as(line.toString()).isTrue();
                    assertThat(toolUseResult.asText()).startsWith("Error: ");
                } else if (toolUseResult.has("stdout")) {
                    successes++;
                    assertThat(toolUseResult.fieldNames()).toIterable().contains("stdout", "stderr", "interrupted", "isImage");
                }
            }
        }
        assertThat(errors).isGreaterThan(10);
        assertThat(successes).isGreaterThan(10);
    }

    @Test
    void everyBashProgressBelongsToABashToolUseOfItsOwnFile() {
        for (Path file : transcripts()) {
            assertThat(StrictTranscriptReader.bashProgressProblems(objects(file))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theLongRsyncHasOneHundredUpdatesFromElapsed2To101AndEndsInCode23() {
        Path file = fileContaining("rsync -av --progress");
        List<JsonNode> objects = objects(file);
        String rsync = toolUseIdOf(objects, "rsync -av --progress");
        List<JsonNode> progress = StrictTranscriptReader.progressByCommand(objects).get(rsync);

        assertThat(progress).hasSize(100);
        assertThat(progress.get(0).path("data").path("elapsedTimeSeconds").asInt()).isEqualTo(2);
        assertThat(progress.get(99).path("data").path("elapsedTimeSeconds").asInt()).isEqualTo(101);
        assertThat(progress).anyMatch(p -> p.path("data").path("fullOutput").asText().contains("Permission denied (13)"));
        JsonNode result = resultOf(objects, rsync);
        assertThat(result.path("is_error").asBoolean()).isTrue();
        assertThat(result.path("content").asText()).startsWith("Exit code 23\n").contains("Permission denied (13)")
                .contains("rsync error: some files/attrs were not transferred").contains("(code 23)");
        Instant lastProgress = Instant.parse(progress.get(99).path("timestamp").asText());
        assertThat(Duration.between(lastProgress, timestampOfResult(objects, rsync))).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void theFourDaySessionIsMinutesOfActivitySpreadOverMoreThanFourDays() {
        Path file = fileContaining("churn rate by plan");
        List<Instant> times = objects(file).stream().filter(line -> line.has("timestamp") && line.has("uuid"))
                .map(line -> Instant.parse(line.path("timestamp").asText())).sorted().toList();

        Duration active = Duration.ZERO;
        List<Duration> gaps = new ArrayList<>();
        Instant blockStart = times.get(0);
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            if (gap.compareTo(Duration.ofMinutes(10)) > 0) {
                active = active.plus(Duration.between(blockStart, times.get(i - 1)));
                gaps.add(gap);
                blockStart = times.get(i);
            }
        }
        active = active.plus(Duration.between(blockStart, times.get(times.size() - 1)));

        assertThat(Duration.between(times.get(0), times.get(times.size() - 1))).isGreaterThan(Duration.ofDays(4));
        assertThat(active).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(6));
        assertThat(gaps).extracting(gap -> Math.round(gap.toMinutes() / 6.0) / 10.0).containsExactly(89.8, 4.9, 5.4);
    }

    @Test
    void everyFrictionKindAppearsInTheSamples() {
        String all = transcripts().stream().map(StrictTranscriptReader::read).collect(Collectors.joining("\n"));

        assertThat(all).contains("Exit code 1\\n", "Permission denied", "command not found", "No such file or directory",
                "password authentication failed", "401 Unauthorized", "authentication failed: token expired",
                "Command running in background with ID: ", "Operation timed out",
                "ModuleNotFoundError: No module named 'pandas'", "(code 23)", "\"subtype\":\"compact_boundary\"",
                "\"isCompactSummary\":true", "This session is being continued from a previous conversation that ran out of context",
                "it still doesn't work, why?", "\"subtype\":\"api_error\"", "\"status\":529", "\"retryAttempt\":2",
                "\"hookEvent\":\"PostToolUseFailure\"", "[Request interrupted by user for tool use]", "\"interrupted\":true",
                "\"type\":\"queue-operation\"", "\"type\":\"summary\"", "\"type\":\"file-history-snapshot\"");
    }

    @Test
    void aTimeoutMovesTheCommandToTheBackgroundWithoutAnError() {
        Path file = fileContaining("backfill.py");
        List<JsonNode> objects = objects(file);
        String backfill = toolUseIdOf(objects, "backfill.py");

        JsonNode result = resultOf(objects, backfill);
        assertThat(result.path("is_error").asBoolean()).isFalse();
        assertThat(result.path("content").asText()).startsWith("Command running in background with ID: ");
        List<JsonNode> progress = StrictTranscriptReader.progressByCommand(objects).get(backfill);
        assertThat(progress.get(progress.size() - 1).path("data").path("timeoutMs").asInt()).isEqualTo(30_000);
        assertThat(progress.get(progress.size() - 1).path("data").path("elapsedTimeSeconds").asInt()).isEqualTo(29);
    }

    @Test
    void theSameFailingCommandRunsSixTimesInARow() {
        Path file = fileContaining("FATAL:  password authentication failed");
        Map<String, Integer> failuresPerCommand = new TreeMap<>();
        List<JsonNode> objects = objects(file);
        for (JsonNode line : objects) {
            JsonNode block = line.path("message").path("content").path(0);
            if (block.path("name").asText().equals("Bash") && resultOf(objects, block.path("id").asText()).path("is_error").asBoolean()) {
                failuresPerCommand.merge(block.path("input").path("command").asText(), 1, Integer::sum);
            }
        }

        assertThat(failuresPerCommand.values()).contains(6);
    }

    @Test
    void aResumedFileInterleavesTwoSessionIdsAndTwoVersions() {
        Path file = fileContaining("(resumed)");
        List<String> sessionIds = objects(file).stream().filter(line -> line.has("uuid"))
                .map(line -> line.path("sessionId").asText()).toList();

        assertThat(Set.copyOf(sessionIds)).hasSize(2);
        assertThat(switches(sessionIds)).isGreaterThanOrEqualTo(3);
        assertThat(objects(file).stream().map(line -> line.path("version").asText()).filter(v -> !v.isEmpty()).distinct())
                .containsExactlyInAnyOrder("2.1.38", "2.1.39");
        assertThat(relative(root, file)).contains(sessionIds.get(0));
    }

    @Test
    void fileOrderIsNotTimeOrderInPlaces() {
        Duration largestBackwardStep = Duration.ZERO;
        for (Path file : transcripts()) {
            Instant previous = null;
            for (JsonNode line : objects(file)) {
                if (line.has("timestamp") && line.has("uuid")) {
                    Instant time = Instant.parse(line.path("timestamp").asText());
                    if (previous != null && time.isBefore(previous) && Duration.between(time, previous).compareTo(largestBackwardStep) > 0) {
                        largestBackwardStep = Duration.between(time, previous);
                    }
                    previous = time;
                }
            }
        }
        assertThat(largestBackwardStep).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(175));
    }

    @Test
    void subagentLinesAreSidechainsWithTheParentsSessionId() {
        Path subagent = transcripts().stream().filter(file -> file.toString().contains("/subagents/agent-")).findFirst().orElseThrow();
        String parentSession = subagent.getParent().getParent().getFileName().toString();

        assertThat(objects(subagent)).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("isSidechain").asBoolean()).isTrue();
            assertThat(line.path("sessionId").asText()).isEqualTo(parentSession);
            assertThat(subagent.getFileName().toString()).isEqualTo("agent-" + line.path("agentId").asText() + ".jsonl");
        });
        Path userFolder = subagent.getParent().getParent().getParent();
        assertThat(jsonlFiles(root)).anyMatch(file -> file.getParent().equals(userFolder)
                && file.getFileName().toString().endsWith("_" + parentSession + ".jsonl"));
    }

    @Test
    void threeUsersOneFlatLayoutFileAndSmallOverall() throws IOException {
        long bytes = 0;
        for (Path file : jsonlFiles(root)) {
            bytes += Files.size(file);
        }

        assertThat(bytes).isLessThan(2L * 1024 * 1024);
        assertThat(jsonlFiles(root).stream().map(file -> relative(root, file)))
                .anyMatch(name -> name.matches("carol-\\d{4}-\\d{2}-\\d{2}-[0-9a-f-]{36}\\.jsonl"))
                .anyMatch(name -> name.matches("alice/\\d{4}-\\d{2}-\\d{2}_[0-9a-f-]{36}\\.jsonl"))
                .anyMatch(name -> name.matches("bob/\\d{4}-\\d{2}-\\d{2}_[0-9a-f-]{36}\\.jsonl"));
    }

    @Test
    void theFirstLineIsStampedWithTheBaseTime() {
        Instant earliest = transcripts().stream().flatMap(file -> objects(file).stream())
                .filter(line -> line.has("timestamp") && line.has("uuid"))
                .map(line -> Instant.parse(line.path("timestamp").asText())).min(Instant::compareTo).orElseThrow();

        assertThat(earliest).isEqualTo(SampleGenerator.DEFAULT_BASE_TIME);
    }

    private static List<Path> transcripts() {
        return jsonlFiles(root).stream().filter(file -> !relative(root, file).equals(OTHER_TOOL_FILE)).toList();
    }

    private static CuratedSamples.Defect defect(String kind) {
        return defects.stream().filter(d -> d.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static Path fileContaining(String text) {
        List<Path> files = transcripts().stream().filter(file -> StrictTranscriptReader.read(file).contains(text)).toList();
        assertThat(files).as("files containing " + text).hasSize(1);
        return files.get(0);
    }

    private static String toolUseIdOf(List<JsonNode> objects, String commandFragment) {
        return objects.stream().map(line -> line.path("message").path("content").path(0))
                .filter(block -> block.path("input").path("command").asText().contains(commandFragment))
                .map(block -> block.path("id").asText()).findFirst().orElseThrow();
    }

    private static JsonNode resultOf(List<JsonNode> objects, String toolUseId) {
        return objects.stream().map(line -> line.path("message").path("content").path(0))
                .filter(block -> block.path("type").asText().equals("tool_result"))
                .filter(block -> block.path("tool_use_id").asText().equals(toolUseId)).findFirst().orElseThrow();
    }

    private static Instant timestampOfResult(List<JsonNode> objects, String toolUseId) {
        return objects.stream()
                .filter(line -> line.path("message").path("content").path(0).path("tool_use_id").asText().equals(toolUseId))
                .map(line -> Instant.parse(line.path("timestamp").asText())).findFirst().orElseThrow();
    }

    private static int switches(List<String> values) {
        int switches = 0;
        for (int i = 1; i < values.size(); i++) {
            if (!values.get(i).equals(values.get(i - 1))) {
                switches++;
            }
        }
        return switches;
    }
}
