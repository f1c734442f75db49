package io.sessionfriction.topology.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.topology.ops.CliInBackground;
import picocli.CommandLine;

/**
 * The README's first command, as a user runs it: {@code run} on the shipped samples with the embedded
 * broker prints the samples' alerts and a summary, then exits 0 on its own.
 */
class RunCommandOnSamplesTest {

    private static final Path SAMPLES = Path.of("..", "samples", "sessions");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void printsTheSampleAlertsAndExitsWhenEverythingIsProcessed() {
        String[] args = {"run", "--sessions", SAMPLES.toString(), "--state-dir", stateDir.toString(), "--partitions", "2"};
        CommandLine cli = Main.commandLine(args);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));

        int exitCode = cli.execute(args);

        String printed = out.toString();
        assertThat(exitCode).as(printed).isZero();
        assertThat(printed)
                .contains("(embedded broker); alerts follow.")
                // carol's flat-layout file: cp into the shared folder hits a permission wall
                .containsPattern("\\[HIGH] +permission-denied +carol +session 06c6dec9 +2026-02-13T10:02:44.940Z")
                .contains("cp: cannot create regular file '/data/shared/finance/finance_summary.csv': Permission denied")
                // alice's rsync ends in code 23: one alert for the command, none for its progress output
                .containsPattern("\\[HIGH] +data-sync +alice +session cecb35f9 +2026-02-10T22:01:56.027Z +count 1")
                // bob's psql password failure, retried in one block: one loop alert, escalated once at 5
                .containsPattern("\\[HIGH] +auth-failure +bob +session 64dd87dd +2026-02-10T13:00:29.642Z +count 1")
                .containsPattern("retry-loop +bob +session 64dd87dd +2026-02-10T13:00:39.662Z +count 3")
                .containsPattern("retry-loop +bob +session 64dd87dd .* count 5 +\\(escalation 1\\)")
                // ... and bob asking why, right after the agent's turn ended on those failures
                .contains("evidence: after the agent's failed steps: why does it keep failing?")
                .contains("ModuleNotFoundError: No module named 'pandas'")
                // carol's dbt run crosses the slow-command threshold while still running
                .containsPattern("slow-command +carol +session 06c6dec9 .* count 1")
                .containsPattern("Done: \\d+ files, \\d+ lines \\(\\d+ events\\), 3 lines to session-events-dlq, 0 late events, 14 alert records")
                // a failing step the agent fixes next is normal iteration: no generic tool-error
                .doesNotContain("tool-error");
    }

    @Test
    void jsonOutputIsOneAlertRecordPerLineInEventTimeOrderWithinASessionAndOldAlertsPageNobody() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        HttpServer alertmanager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        alertmanager.createContext("/", exchange -> {
            posts.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        alertmanager.start();
        String[] args = {"run", "--sessions", SAMPLES.toString(), "--state-dir", stateDir.toString(), "--partitions", "2",
            "--output", "json", "--alertmanager-url", "http://127.0.0.1:" + alertmanager.getAddress().getPort()};
        CommandLine cli = Main.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exitCode;
        try {
            exitCode = cli.execute(args);
        } finally {
            alertmanager.stop(0);
        }

        assertThat(exitCode).as(err.toString()).isZero();
        List<JsonNode> alerts = out.toString().lines().map(RunCommandOnSamplesTest::json).toList();
        Matcher done = Pattern.compile("Done: .*, (\\d+) alert records").matcher(err.toString());
        assertThat(done.find()).as(err.toString()).isTrue();
        assertThat(err.toString()).contains("(embedded broker); alerts follow.");
        assertThat(alerts).hasSize(Integer.parseInt(done.group(1)))
                .allSatisfy(alert -> assertThat(alert.path("alertId").asText()).hasSize(32));
        Map<String, List<Instant>> bySession = new LinkedHashMap<>();
        alerts.forEach(alert -> bySession.computeIfAbsent(alert.path("sessionId").asText(), s -> new ArrayList<>())
                .add(Instant.parse(alert.path("timestamp").asText())));
        assertThat(bySession).hasSizeGreaterThan(3).allSatisfy((session, times) -> assertThat(times).as(session).isSorted());
        assertThat(posts).as("the samples are months old: nothing pages").hasValue(0);
    }

    @Test
    void followingSaysWhenItStartsAndCtrlCPrintsTheSummary() throws Exception {
        try (CliInBackground run = CliInBackground.start("run-follow", "run", "--follow", "--sessions", SAMPLES.toString(),
                "--state-dir", stateDir.toString(), "--partitions", "2")) {
            Awaitility.await("caught up and following").atMost(Duration.ofMinutes(3)).until(() -> {
                assertThat(run.running()).as(run.errors()).isTrue();
                return run.output().contains("; following it for new lines. Ctrl-C stops and prints the summary.");
            });
            String beforeCtrlC = run.output();
            assertThat(beforeCtrlC).containsPattern("permission-denied +carol +session 06c6dec9").doesNotContain("Done:");
            assertThat(beforeCtrlC.indexOf("following it for new lines")).as("after the alerts of what was there")
                    .isGreaterThan(beforeCtrlC.lastIndexOf("session 06c6dec9"));

            run.close();

            assertThat(run.output().substring(beforeCtrlC.length()))
                    .containsPattern("Done: \\d+ files, \\d+ lines \\(\\d+ events\\), 3 lines to session-events-dlq, 0 late events, \\d+ alert records");
            assertThat(run.exitCode()).isZero();
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not one JSON object per line: " + line, e);
        }
    }

    @Test
    void aSessionsFolderThatDoesNotExistIsAClearErrorBeforeAnythingStarts() {
        String[] args = {"run", "--sessions", "no/such/folder"};
        CommandLine cli = Main.commandLine(args);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));

        int exitCode = cli.execute(args);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--sessions:").contains("no/such/folder is not a directory");
    }
}
