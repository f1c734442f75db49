package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code evaluate} prints the scores docs/rules.md records, and refuses what it cannot score with a clear message. */
class EvaluateCommandTest {

    private static final Path ROOT = Path.of("..");
    private static final String SAMPLES = ROOT.resolve("samples/sessions").toString();
    private static final String LABELS = ROOT.resolve(EvaluateCommand.SAMPLE_LABELS).toString();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void onTheSamplesItPrintsTheTableDocsRulesMdRecords() throws IOException {
        int exit = execute("evaluate", "--sessions", SAMPLES, "--labels", LABELS);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo(documentedTable("samples"));
    }

    @Test
    void detailsListTheFalseAlertsAndTheMissedFriction() {
        int exit = execute("evaluate", "--sessions", SAMPLES, "--labels", LABELS, "--details");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("False alerts (0):").contains("Missed friction (0):");
    }

    @Test
    void aLabelOnALineThatIsNotThereIsRefusedNamingIt() throws IOException {
        Path labels = dir.resolve("labels.yaml");
        Files.writeString(labels, """
                files:
                  alice/no-such-session.jsonl:
                    - {line: 3, uuid: 0b7c0d5e-1111-4a2b-9c3d-000000000003, friction: repeated-failure, why: "a made-up line"}
                """);

        int exit = execute("evaluate", "--sessions", SAMPLES, "--labels", labels.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("alice/no-such-session.jsonl: no such transcript under the sessions root");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingLabelsOrSessionsAreBadInput() {
        assertThat(execute("evaluate", "--sessions", SAMPLES, "--labels", dir.resolve("none.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--labels: " + dir.resolve("none.yaml").toAbsolutePath() + " does not exist");

        assertThat(execute("evaluate", "--sessions", dir.resolve("none").toString(), "--labels", LABELS)).isEqualTo(2);
        assertThat(err.toString()).contains("--sessions: " + dir.resolve("none").toAbsolutePath() + " is not a directory");
    }

    private int execute(String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    /** The fenced table between {@code <!-- evaluation:NAME -->} and its closing marker in docs/rules.md. */
    private static String documentedTable(String name) throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/rules.md"));
        String open = "<!-- evaluation:" + name + " -->";
        String block = doc.substring(doc.indexOf(open) + open.length(), doc.indexOf("<!-- /evaluation:" + name + " -->")).strip();
        return block.replaceFirst("^```\\n", "").replaceFirst("\\n```$", "") + "\n";
    }
}
