package io.sessionfriction.topology.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.kafka.EmbeddedKafka;
import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.topology.TranscriptLines;
import picocli.CommandLine;

/**
 * Local state belongs to the cluster it was built from: {@code run} pointed at another cluster after an
 * earlier one, with the same application id and state directory, gives the same alerts as the first time,
 * instead of taking every event for a repeat of the old cluster's. The dangerous case is the silent one:
 * the other cluster's changelogs are longer than the old state's checkpoints, so Kafka Streams takes the
 * old state for valid and restores only the tail on top of it.
 */
class StateOfAnotherClusterTest {

    private static final Path SAMPLES = Path.of("..", "samples", "sessions");
    private static final Pattern DONE = Pattern.compile("(\\d+) alert records");

    @TempDir
    Path stateDir;

    private static int alertRecords(String bootstrapServers, Path sessions, Path stateDir) {
        String[] args = {"run", "--bootstrap-servers", bootstrapServers, "--sessions", sessions.toString(),
            "--state-dir", stateDir.toString(), "--application-id", "same-app"};
        CommandLine cli = Main.commandLine(args);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute(args)).as(out.toString()).isZero();
        Matcher done = DONE.matcher(out.toString());
        assertThat(done.find()).as(out.toString()).isTrue();
        return Integer.parseInt(done.group(1));
    }

    @TempDir
    Path otherState;
    @TempDir
    Path otherSessions;

    @TempDir
    Path oneTranscript;

    @Test
    void aFreshClusterAfterAnEarlierOneGivesTheSameAlertsForOneTranscript() throws IOException {
        Path samples = SAMPLES.resolve("bob");
        Path file;
        try (Stream<Path> files = Files.list(samples)) {
            file = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().findFirst().orElseThrow();
        }
        Files.createDirectories(oneTranscript.resolve("bob"));
        Files.copy(file, oneTranscript.resolve("bob").resolve(file.getFileName()));
        int first;
        try (EmbeddedKafka earlier = EmbeddedKafka.start()) {
            first = alertRecords(earlier.bootstrapServers(), oneTranscript, stateDir);
        }
        try (EmbeddedKafka fresh = EmbeddedKafka.start()) {
            assertThat(alertRecords(fresh.bootstrapServers(), oneTranscript, stateDir)).isEqualTo(first).isPositive();
        }
    }

    @Test
    void anotherClusterAfterAnEarlierOneGivesTheSameAlerts() throws IOException {
        int first;
        try (EmbeddedKafka earlier = EmbeddedKafka.start()) {
            first = alertRecords(earlier.bootstrapServers(), SAMPLES, stateDir);
        }
        try (EmbeddedKafka other = EmbeddedKafka.start()) {
            // Another team's sessions of January first: the cluster's changelogs grow past the old checkpoints
            // (and nothing in them makes February's samples late).
            writeLongSessions(otherSessions);
            alertRecords(other.bootstrapServers(), otherSessions, otherState);

            assertThat(alertRecords(other.bootstrapServers(), SAMPLES, stateDir)).isEqualTo(first).isPositive();
        }
    }

    private static void writeLongSessions(Path root) throws IOException {
        for (int session = 0; session < 6; session++) {
            Path file = Files.createDirectories(root.resolve("dan")).resolve(String.format("2026-01-0%d_d4000000-0000-4000-8000-%012d.jsonl",
                    session + 1, session));
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 400; i++) {
                Instant at = Instant.parse("2026-01-01T09:00:00Z").plus(Duration.ofDays(session)).plusSeconds(20L * i);
                lines.append(TranscriptLines.aUserPrompt("step " + i).at(at).json()).append('\n');
            }
            Files.writeString(file, lines);
        }
    }
}
