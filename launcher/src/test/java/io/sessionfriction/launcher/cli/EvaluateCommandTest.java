package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** {@code evaluate} prints the scores docs/rules.md records, and refuses what it cannot score with a clear message. */
class EvaluateCommandTest {

    private static final Path ROOT = Path.of("..");
    private static final String SAMPLES = ROOT.resolve("samples/sessions").toString();
    private static final String LABELS = ROOT.resolve(EvaluateCommand.SAMPLE_LABELS).toString();

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    @Test
    void onTheSamplesItPrintsTheTableDocsRulesMdRecords() throws IOException {
        int exit = cli.execute("evaluate", "--sessions", SAMPLES, "--labels", LABELS);

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo(documentedTable("samples"));
    }

    @Test
    void detailsListTheFalseAlertsAndTheMissedFriction() {
        int exit = cli.execute("evaluate", "--sessions", SAMPLES, "--labels", LABELS, "--details");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("False alerts (0):").contains("Missed friction (0):");
    }

    @Test
    void aLabelOnALineThatIsNotThereIsRefusedNamingIt() throws IOException {
        Path labels = dir.resolve("labels.yaml");
        Files.writeString(labels, """
                files:
                  alice/no-such-session.jsonl:
                    - {line: 3, uuid: 0b7c0d5e-1111-4a2b-9c3d-000000000003, friction: repeated-failure, why: "a made-up line"}
                """);

        int exit = cli.execute("evaluate", "--sessions", SAMPLES, "--labels", labels.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("alice/no-such-session.jsonl: no such transcript under the sessions root");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void missingLabelsOrSessionsAreBadInput() {
        assertThat(cli.execute("evaluate", "--sessions", SAMPLES, "--labels", dir.resolve("none.yaml").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--labels: " + dir.resolve("none.yaml").toAbsolutePath() + " does not exist");

        assertThat(cli.execute("evaluate", "--sessions", dir.resolve("none").toString(), "--labels", LABELS)).isEqualTo(2);
        assertThat(cli.err()).contains("--sessions: " + dir.resolve("none").toAbsolutePath() + " is not a directory");
    }


    /** The fenced table between {@code <!-- evaluation:NAME -->} and its closing marker in docs/rules.md. */
    private static String documentedTable(String name) throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/rules.md"));
        String open = "<!-- evaluation:" + name + " -->";
        String block = doc.substring(doc.indexOf(open) + open.length(), doc.indexOf("<!-- /evaluation:" + name + " -->")).strip();
        return block.replaceFirst("^```\\n", "").replaceFirst("\\n```$", "") + "\n";
    }
}
