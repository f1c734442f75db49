package io.sessionfriction.topology.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.replay.report.FrictionReport;
import io.sessionfriction.replay.report.ReplayData;
import io.sessionfriction.testsupport.FakeSecrets;
import io.sessionfriction.testsupport.FakeSecrets.FakeSecret;
import io.sessionfriction.testsupport.SecretPieces;
import picocli.CommandLine;

/**
 * What a user sees: {@code run} and {@code replay}, as the README runs them, on transcripts holding every
 * kind of secret in every place ({@link SecretTranscripts}). No 8-char piece of any secret is in what
 * {@code run} prints, in {@code replay.json}, {@code report.html}, {@code friction-points.json} or an issue
 * draft, raw or JSON-escaped.
 */
class SecretsNeverInReportsTest {

    @TempDir
    static Path sessions;

    @TempDir
    static Path runState;

    @TempDir
    static Path report;

    /** Each output a user reads, by name, with its whole text. */
    private static final Map<String, String> OUTPUTS = new LinkedHashMap<>();

    @BeforeAll
    static void runAndReplayTranscriptsFullOfSecrets() throws IOException {
        SecretTranscripts.write(sessions);
        OUTPUTS.put("run's output", cli("run", "--sessions", sessions.toString(), "--state-dir", runState.toString(),
                "--partitions", "2"));
        cli("replay", "--sessions", sessions.toString(), "--out", report.toString(), "--partitions", "2");
        OUTPUTS.put(ReplayData.FILE_NAME, Files.readString(report.resolve(ReplayData.FILE_NAME)));
        OUTPUTS.put(FrictionReport.HTML_FILE, Files.readString(report.resolve(FrictionReport.HTML_FILE)));
        OUTPUTS.put(FrictionReport.POINTS_FILE, Files.readString(report.resolve(FrictionReport.POINTS_FILE)));
        try (Stream<Path> drafts = Files.list(report.resolve(FrictionReport.ISSUES_DIR))) {
            for (Path draft : drafts.sorted().toList()) {
                OUTPUTS.put(FrictionReport.ISSUES_DIR + "/" + draft.getFileName(), Files.readString(draft));
            }
        }
    }

    static Stream<FakeSecret> secrets() {
        return FakeSecrets.all().stream();
    }

    @Test
    void theOutputsHoldTheAlertsWithTheirPlaceholders() {
        assertThat(OUTPUTS.keySet()).anyMatch(name -> name.startsWith(FrictionReport.ISSUES_DIR + "/"));
        assertThat(OUTPUTS.get("run's output")).contains("[HIGH]").contains("[REDACTED:").contains("Done: ");
        assertThat(OUTPUTS.get(ReplayData.FILE_NAME)).contains("[REDACTED:");
        assertThat(OUTPUTS.get(FrictionReport.POINTS_FILE)).contains("[REDACTED:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void noPieceOfTheSecretIsInAnythingAUserReads(FakeSecret secret) {
        List<String> leaks = OUTPUTS.entrySet().stream()
                .flatMap(output -> SecretPieces.of(secret.value()).foundIn(output.getValue()).stream()
                        .map(piece -> output.getKey() + ": " + piece))
                .toList();

        assertThat(leaks).isEmpty();
    }

    private static String cli(String... args) {
        CommandLine cli = Main.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        assertThat(exitCode).as(args[0] + ": " + out + err).isZero();
        return out.toString();
    }
}
