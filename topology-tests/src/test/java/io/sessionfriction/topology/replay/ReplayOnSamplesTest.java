package io.sessionfriction.topology.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.replay.report.ReplayData;
import picocli.CommandLine;

/**
 * {@code replay} as a user runs it, on the shipped samples with the embedded broker: the friction points
 * the samples were written to show, a selection by the sessions' own time, and the same output twice.
 */
class ReplayOnSamplesTest {

    static final Path SAMPLES = Path.of("..", "samples", "sessions");
    static final String ALICE_LONG = "3a609041-49d6-4359-8156-4a3a4522fef6";
    static final String ALICE_RSYNC = "cecb35f9-7058-480d-8477-9ebc779d8585";
    static final String BOB_PSQL = "64dd87dd-7b7c-4bff-89ca-e9ff42be03d8";
    static final String BOB_COMPACTED = "d2cfe28b-61dd-4d45-a141-e52ce0797a7e";
    static final String CAROL_FLAT = "06c6dec9-4fdf-44df-86b7-9ed468a70a6d";

    @TempDir
    static Path firstReplay;

    private static JsonNode points;
    private static ReplayData replayed;

    @BeforeAll
    static void replayTheSamples() throws IOException {
        replay(firstReplay, "--sessions", SAMPLES.toString());
        points = Json.MAPPER.readTree(firstReplay.resolve("friction-points.json").toFile());
        replayed = ReplayData.read(firstReplay.resolve(ReplayData.FILE_NAME));
    }

    @Test
    void theSamplesFrictionPointsComeOutWithTheirSessionsUsersAndImpact() {
        JsonNode loop = point("retry-loop", "psql");
        assertThat(loop.path("users").toString()).isEqualTo("[\"bob\"]");
        // Published at counts 1 and 5; the alert state counts the sixth failure too, and the report shows it.
        assertThat(loop.path("occurrences").asLong()).isEqualTo(6);
        assertThat(replayed.alerts()).filteredOn(a -> a.rule().equals("retry-loop") && a.sessionId().equals(BOB_PSQL))
                .singleElement().satisfies(a -> {
                    assertThat(a.count()).isEqualTo(6);
                    assertThat(a.escalation()).isEqualTo(1);
                });
        assertThat(loop.path("impact").asText()).isEqualTo("high");
        JsonNode auth = point("auth-failure", "psql | psql: error: connection to server");
        assertThat(auth.path("sessions").toString()).isEqualTo("[\"" + BOB_PSQL + "\"]");
        // Its first failures only: once the loop fired, the repeated failures are the loop's.
        assertThat(auth.path("impact").asText()).isEqualTo("medium");
        JsonNode authentication = rule("auth-failure");
        assertThat(authentication.path("points").asInt()).as("the password and the expired token: one rule, two points").isEqualTo(2);
        assertThat(authentication.path("users").toString()).isEqualTo("[\"bob\"]");
        assertThat(point("permission-denied", "cp | cp: cannot create regular file").path("users").toString()).isEqualTo("[\"carol\"]");
        assertThat(point("data-sync", "rsync | rsync error: some").path("sessions").toString()).isEqualTo("[\"" + ALICE_RSYNC + "\"]");
        assertThat(point("python-env", "ModuleNotFoundError: No module named 'pandas'").path("sessions").toString()).contains(ALICE_LONG);
        assertThat(point("context-overflow", "context-overflow").path("sessions").toString()).contains(BOB_COMPACTED);
    }

    @Test
    void onlyThePointsThatCameBackAreDraftedTheOneOffsAreListed() throws IOException {
        List<String> drafts;
        try (Stream<Path> files = Files.list(firstReplay.resolve("issues"))) {
            drafts = files.map(f -> f.getFileName().toString()).sorted().toList();
        }

        // The psql loop (six failures) and the analyst's four confused questions in that session; every
        // other point of the samples struck once or twice in one session.
        assertThat(drafts).containsExactly(point("retry-loop", "psql").path("draft").asText(),
                point("user-confusion", "user-confusion").path("draft").asText());
        assertThat(points.path("frictionPoints")).hasSize(13);
        assertThat(point("auth-failure", "psql | psql: error: connection to server").path("draft").isNull()).isTrue();
        assertThat(Files.readString(firstReplay.resolve("report.html"))).contains("2 of 13 drafted as issues");
    }

    @Test
    void theMultiDaySessionReportsItsActiveMinutesNotItsDays() {
        SessionActivity activity = replayed.activity().stream()
                .filter(a -> a.sessionKey().equals(ALICE_LONG)).findFirst().orElseThrow();

        assertThat(activity.blocks()).hasSize(4);
        assertThat(activity.totalActiveSeconds()).isLessThan(300);
        assertThat(activity.wallClockSeconds()).isGreaterThan(Duration.ofDays(4).toSeconds());
        assertThat(replayed.sessions()).extracting(ReplayData.Session::sessionKey)
                .containsExactly(CAROL_FLAT, ALICE_LONG, BOB_PSQL, ALICE_RSYNC, BOB_COMPACTED, "other-tool");
    }

    @Test
    void replayingTheSameFilesAgainGivesTheSameAlertIdsAndByteIdenticalReports(@TempDir Path secondReplay) throws IOException {
        replay(secondReplay, "--sessions", SAMPLES.toString());

        Map<String, byte[]> first = contents(firstReplay);
        Map<String, byte[]> second = contents(secondReplay);
        assertThat(second.keySet()).isEqualTo(first.keySet()).contains("report.html", "friction-points.json", "replay.json");
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
        assertThat(alertIds(ReplayData.read(secondReplay.resolve(ReplayData.FILE_NAME)))).isEqualTo(alertIds(replayed)).isNotEmpty();
    }

    @Test
    void sinceAndUntilSelectSessionsByTheirOwnTimestampsWhateverTheFilesDates(@TempDir Path sessions, @TempDir Path out)
            throws IOException {
        copySamplesWithModificationTime(sessions, Instant.parse("2026-02-10T18:00:00Z"));

        replay(out, "--sessions", sessions.toString(), "--since", "2026-02-10T12:00:00Z", "--until", "2026-02-11T00:00:00Z");

        ReplayData window = ReplayData.read(out.resolve(ReplayData.FILE_NAME));
        assertThat(window.sessions()).extracting(ReplayData.Session::sessionKey)
                .as("alice's session began on 02-09 but ran into the range; bob's 02-11 and carol's 02-13 sessions did not,"
                        + " although every file was modified inside the range")
                .containsExactly(ALICE_LONG, BOB_PSQL, ALICE_RSYNC);
        assertThat(window.alerts()).extracting(FrictionAlert::sessionId).doesNotContain(CAROL_FLAT, BOB_COMPACTED);
        Set<String> inWindow = Set.of(ALICE_LONG, BOB_PSQL, ALICE_RSYNC);
        assertThat(alertIds(window)).isEqualTo(replayed.alerts().stream()
                .filter(a -> inWindow.contains(a.sessionId())).map(FrictionAlert::alertId).toList());
    }

    static List<String> alertIds(ReplayData data) {
        return data.alerts().stream().map(FrictionAlert::alertId).toList();
    }

    private static JsonNode point(String rule, String fingerprintStart) {
        List<JsonNode> found = new ArrayList<>();
        points.path("frictionPoints").forEach(p -> {
            if (p.path("rule").asText().equals(rule) && p.path("fingerprint").asText().startsWith(fingerprintStart)) {
                found.add(p);
            }
        });
        assertThat(found).as(rule + " on " + fingerprintStart).hasSize(1);
        return found.get(0);
    }

    private static JsonNode rule(String rule) {
        for (JsonNode spread : points.path("rules")) {
            if (spread.path("rule").asText().equals(rule)) {
                return spread;
            }
        }
        throw new AssertionError("no rule " + rule + " in " + points.path("rules"));
    }

    static void replay(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("replay", "--out", out.toString(), "--partitions", "2"));
        args.addAll(List.of(options));
        String[] argv = args.toArray(String[]::new);
        CommandLine cli = Main.commandLine(argv);
        StringWriter printed = new StringWriter();
        cli.setOut(new PrintWriter(printed, true));
        cli.setErr(new PrintWriter(printed, true));
        assertThat(cli.execute(argv)).as(printed.toString()).isZero();
    }

    private static void copySamplesWithModificationTime(Path target, Instant mtime) throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(SAMPLES.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(copy, FileTime.from(mtime));
            }
        }
    }

    static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
