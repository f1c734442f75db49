package io.sessionfriction.processor.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextualHelpersTest {

    @Test
    void normalizingACommandMasksTempPathsIdsHashesAndNumbers() {
        assertThat(CommandNormalizer.normalize("rsync -a  /tmp/export-123/ host:/srv/run-4711/"))
                .isEqualTo("rsync -a /tmp/<path> host:/srv/run-<n>/");
        assertThat(CommandNormalizer.normalize("git show 9f2c1e7a && cat /data/258c7280-ae70-4798-800f-63464d01a85d.jsonl"))
                .isEqualTo("git show <hex> && cat /data/<uuid>.jsonl");
        assertThat(CommandNormalizer.normalize("python etl.py --date 2026-02-11"))
                .isEqualTo(CommandNormalizer.normalize("python etl.py --date 2026-02-12"));
        assertThat(CommandNormalizer.normalize("make deploy")).isEqualTo("make deploy");
        assertThat(CommandNormalizer.normalize(null)).isNull();
    }

    @Test
    void aRedactedSecretCountsByItsKindSoAnotherSecretOrARotatedKeyMakesNoNewCommand() {
        assertThat(CommandNormalizer.normalize("PGPASSWORD=[REDACTED:password-assignment:3f9a1c2b] psql -h db"))
                .isEqualTo(CommandNormalizer.normalize("PGPASSWORD=[REDACTED:password-assignment:deadbeef] psql -h db"))
                .isEqualTo("PGPASSWORD=[REDACTED:password-assignment] psql -h db");
    }

    @Test
    void anInputSummaryNamesTheToolAndWhatItActsOn() {
        assertThat(InputSummary.of("Read", Lines.json("{\"file_path\":\"/data/a.csv\",\"limit\":10}"))).isEqualTo("Read /data/a.csv");
        assertThat(InputSummary.of("Bash", Lines.json("{\"command\":\"ls\\n  -la\"}"))).isEqualTo("Bash ls -la");
        assertThat(InputSummary.of("TodoWrite", Lines.json("{}"))).isEqualTo("TodoWrite");
        assertThat(InputSummary.of("Bash", Lines.json("{\"command\":\"" + "x".repeat(500) + "\"}"))).hasSize(InputSummary.MAX_CHARS);
    }

    @Test
    void cappingKeepsHeadAndTailAndSaysHowMuchWasCut() {
        String text = "HEAD" + "-".repeat(10_000) + "TAIL";

        String capped = TextCap.cap(text, 200);
        assertThat(capped).hasSize(200).startsWith("HEAD").endsWith("TAIL").contains("[9808 chars cut]");
        assertThat(TextCap.cap("short", 200)).isEqualTo("short");
    }

    @Test
    void anApiErrorSaysItsStatusAndTheApisOwnMessageNestedInsideIt() {
        SessionEvent overloaded = Lines.event(Lines.json("{\"type\":\"system\",\"subtype\":\"api_error\",\"level\":\"error\","
                + "\"error\":{\"status\":529,\"headers\":{},\"requestID\":null,\"error\":{\"type\":\"error\","
                + "\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}},\"retryAttempt\":1,"
                + "\"timestamp\":\"2026-02-10T22:02:54.481Z\",\"uuid\":\"c4f8259f-6a39-4d64-8c8d-e1aa1077a588\"}"));

        assertThat(LineFields.errorText(overloaded)).isEqualTo("status 529: Overloaded");
    }
}
