package io.sessionfriction.topology.e2e;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.launcher.cli.Main;
import picocli.CommandLine;

/**
 * {@code run}'s summary accounts for every line: what became events, what went to the DLQ and why, what
 * was too late or stamped far ahead, what was a repeat, what is held back incomplete, which files were
 * skipped. Given: one session with a repeated line, a malformed line, one stamped in 2999, one a month
 * before the rest, an incomplete last line; another tool's file beside it.
 */
class RunSummaryAccountsForEveryLineTest {

    @TempDir
    Path sessions;
    @TempDir
    Path stateDir;

    @Test
    void theSummarySaysWhereEveryLineWent() throws IOException {
        String first = aUserPrompt("load the export").at(T0).json();
        String lines = String.join("\n",
                first,
                anAssistantText("Loading.").at(T0.plusSeconds(5)).json(),
                first,                                                                 // a resumed file's repeat
                "{\"type\":\"user\",\"message\":",                                     // malformed
                anAssistantText("From the future.").at(Instant.parse("2999-01-01T00:00:00Z")).json(),
                aUserPrompt("and now").at(T0.plus(Duration.ofDays(20))).json(),
                aUserPrompt("from last month").at(T0.minus(Duration.ofDays(10))).json())
                + "\n" + "{\"type\":\"user\",\"mess";                                  // incomplete, no newline
        Path ana = Files.createDirectories(sessions.resolve("ana"));
        Files.writeString(ana.resolve("2026-02-11_258c7280-ae70-4798-800f-63464d01a85d.jsonl"), lines, StandardCharsets.UTF_8);
        Files.writeString(ana.resolve("notes.jsonl"), "{\n  \"tool\": \"other\"\n}\n", StandardCharsets.UTF_8);
        String[] args = {"run", "--sessions", sessions.toString(), "--state-dir", stateDir.toString(), "--partitions", "1"};
        CommandLine cli = Main.commandLine(args);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute(args)).as(out.toString()).isZero();

        assertThat(out.toString())
                .contains("Done: 2 files, 8 lines (6 events), 2 lines to session-events-dlq, 2 late events")
                .contains("collector: 2 files, 8 lines: 6 events; to session-events-dlq 1 malformed lines and 1 files not session "
                        + "transcripts; 0 files unreadable, 0 events shortened, 0 outside --since/--until, "
                        + "1 incomplete last lines held back")
                .contains("processor: of 6 events 3 enriched, 0 to session-events-dlq, 2 late (session-events-late), 1 repeats dropped");
    }
}
