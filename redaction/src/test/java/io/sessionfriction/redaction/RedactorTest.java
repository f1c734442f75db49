package io.sessionfriction.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.sessionfriction.testsupport.FakeSecrets;
import io.sessionfriction.testsupport.FakeSecrets.FakeSecret;
import io.sessionfriction.testsupport.SecretPieces;

/** Each kind of secret, in each kind of text a transcript holds, and the ordinary text that must stay. */
class RedactorTest {

    private static final Redactor REDACTOR = Redactor.defaults();

    static Stream<FakeSecret> secrets() {
        return FakeSecrets.all().stream();
    }

    /** The texts a transcript holds a secret in: what the analyst typed, a command, its failure, its output, the answer. */
    static List<String> places(FakeSecret secret) {
        return List.of(
                "Can you load the Q1 churn export? Use this:\n" + secret.inText() + "\nthanks",
                secret.inCommand(),
                "Exit code 1\n+ " + secret.inCommand() + "\nerror: request failed with status 403\n" + secret.inText(),
                "Connecting...\n" + secret.inText() + "\nFetched 1,204 rows",
                "I found the credentials in the config (" + secret.inText() + ") and will use them for the export.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void everyKindIsReplacedByItsPlaceholderWhereverATranscriptShowsIt(FakeSecret secret) {
        for (String text : places(secret)) {
            Redactor.Redacted redacted = REDACTOR.redact(text);

            assertThat(SecretPieces.of(secret.value()).foundIn(redacted.text())).as(redacted.text()).isEmpty();
            assertThat(redacted.text()).contains("[REDACTED:" + secret.kind() + "]");
            assertThat(redacted.findings().byKind()).containsKey(secret.kind());
        }
    }

    /**
     * A command still printing a secret, or a line cut short, ends inside it. From the first cut that shows
     * more than the format's public prefix (the rule's literal: ghp_, sk-proj-) and 8 chars, nothing of it stays.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void aTextThatEndsInsideTheSecretLeavesNoPieceOfIt(FakeSecret secret) {
        String text = secret.inCommand();
        int start = text.indexOf(secret.value());
        List<String> leaks = new ArrayList<>();
        for (int cut = start + Math.max(SecretPieces.PIECE, publicPrefix(secret) + 1); cut < start + secret.value().length(); cut++) {
            String printedSoFar = "$ " + text.substring(0, cut);
            String redacted = REDACTOR.redact(printedSoFar).text();
            if (!SecretPieces.of(secret.value()).foundIn(redacted).isEmpty()) {
                leaks.add(redacted);
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static int publicPrefix(FakeSecret secret) {
        String value = secret.value().toLowerCase(Locale.ROOT);
        return RedactionCatalogue.defaults().rules().stream()
                .filter(rule -> rule.kind().equals(secret.kind()))
                .flatMap(rule -> rule.literals().stream())
                .map(literal -> literal.toLowerCase(Locale.ROOT))
                .filter(value::startsWith)
                .mapToInt(String::length).max().orElse(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void aSecretIsHashedWithTheDeploymentKeyAndTheHashLeavesTheIdentity(FakeSecret secret) {
        Redactor keyed = Redactor.of(RedactionCatalogue.defaults(), Optional.of(RedactionKey.of("k".repeat(32).getBytes())));
        Redactor otherKey = Redactor.of(RedactionCatalogue.defaults(), Optional.of(RedactionKey.of("q".repeat(32).getBytes())));

        String once = keyed.redact(secret.inCommand()).text();
        String again = keyed.redact(secret.inCommand()).text();
        String rotated = otherKey.redact(secret.inCommand()).text();

        assertThat(once).containsPattern("\\[REDACTED:" + secret.kind() + ":[0-9a-f]{8}]").isEqualTo(again).isNotEqualTo(rotated);
        assertThat(Placeholders.withoutHashes(once)).isEqualTo(Placeholders.withoutHashes(rotated))
                .isEqualTo(REDACTOR.redact(secret.inCommand()).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "git log --oneline -3\n1fcaccd Rules read the output a progress line adds\nd3bc12d Replay and friction report",
        "commit 01c50a3e9b5d4c2f8a7e6d5c4b3a29181716f5e4\nAuthor: Analyst <analyst@acme.example>",
        "session 258c7280-ae70-4798-800f-63464d01a85d resumed as 5e550000-ae70-4798-800f-63464d01a85d",
        "tool_use toolu_01UeW27qA9GbyT6uKQgp2VCT answered by toolu_01FxBWvoB4hrUGz5TBTRyr9f, msg_01XFDUDYJgAACzvnptvVoYEL",
        "/home/analyst/projects/churn/.venv/lib/python3.12/site-packages/pandas/core/frame.py:1204",
        "The token limit was reached; the secret to a fast query is an index on the key column.",
        "export PATH=/usr/local/bin:$PATH && export KEY_COLUMN=customer_id && export TOKEN_LIMIT=100000",
        "password = os.environ['DB_PASSWORD']  # never hard-code the password",
        "Set AWS_SECRET_ACCESS_KEY and GITHUB_TOKEN in your environment before running make deploy.",
        "see https://docs.example.com:8443/guide#auth and http://localhost:3000/api?user=analyst@acme.example",
        "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "\"requestId\": \"req_011CY5c2Xa8PxvYjPbm4Fuq9\", \"signature\": \"EuYBCkYIBxgCKkDqm3j2PxT5\""
    })
    void ordinaryTextStaysAsItIs(String text) {
        Redactor.Redacted redacted = REDACTOR.redact(text);

        assertThat(redacted.text()).isSameAs(text);
        assertThat(redacted.findings()).isSameAs(Findings.NONE);
    }

    @Test
    void base64OfAnImageOrFileStaysAsItIs() {
        byte[] png = new byte[48 * 1024];
        new Random(20260211).nextBytes(png);
        String image = Base64.getEncoder().encodeToString(png);
        String file = Base64.getMimeEncoder().encodeToString(png);

        assertThat(REDACTOR.redact(image).text()).isSameAs(image);
        assertThat(REDACTOR.redact(file).text()).isSameAs(file);
    }

    @Test
    void aValueThatIsAlreadyAPlaceholderIsNotRedactedAgain() {
        String text = "export GITHUB_TOKEN=ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ";

        Redactor.Redacted redacted = REDACTOR.redact(text);

        assertThat(redacted.text()).isEqualTo("export GITHUB_TOKEN=[REDACTED:github-classic-token]");
        assertThat(redacted.findings().byKind()).containsExactly(java.util.Map.entry("github-classic-token", 1));
        assertThat(REDACTOR.redact(redacted.text()).text()).isSameAs(redacted.text());
    }
}
