package io.sessionfriction.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.testsupport.FakeSecrets;
import io.sessionfriction.testsupport.SecretPieces;

/** Redaction of a whole transcript line's tree, and of raw text that may not parse. */
class TreeAndRawTextTest {

    private static final Redactor REDACTOR = Redactor.defaults();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void everyStringOfTheTreeIsRedactedNestedToolInputsAndResultsIncludedAndNamesAndNumbersStay() throws Exception {
        ObjectNode line = (ObjectNode) JSON.readTree("""
                {"type":"user","uuid":"3331f0a2-9c1e-4a55-8d3e-2f1a0b9c8d7e","message":{"role":"user","content":[
                  {"type":"tool_result","tool_use_id":"toolu_01UeW27qA9GbyT6uKQgp2VCT","is_error":true,
                   "content":[{"type":"text","text":"fatal: could not read from https://%s@github.com/acme/churn"}]}]},
                 "toolUseResult":"Error: Exit code 128\\nGITHUB_TOKEN=%s","timestamp":"2026-02-11T20:38:53.748Z",
                 "ghp_field_name":{"elapsed":12,"nested":["plain",["deeper %s"]]}}
                """.formatted(TOKEN, TOKEN, TOKEN));

        Findings findings = REDACTOR.redactInPlace(line);

        assertThat(findings.byKind()).containsExactly(Map.entry("github-classic-token", 3));
        assertThat(SecretPieces.of(TOKEN).foundIn(line.toString())).isEmpty();
        assertThat(line.path("toolUseResult").asText()).isEqualTo("Error: Exit code 128\nGITHUB_TOKEN=[REDACTED:github-classic-token]");
        assertThat(line.path("ghp_field_name").path("nested").get(1).get(0).asText()).isEqualTo("deeper [REDACTED:github-classic-token]");
        assertThat(line.path("ghp_field_name").path("elapsed").asInt()).isEqualTo(12);
        assertThat(line.path("uuid").asText()).isEqualTo("3331f0a2-9c1e-4a55-8d3e-2f1a0b9c8d7e");
    }

    @Test
    void aTreeWithoutSecretsIsLeftUntouched() throws Exception {
        JsonNode line = JSON.readTree("{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"The key column is customer_id.\"}]}}");
        JsonNode before = line.deepCopy();

        assertThat(REDACTOR.redactInPlace(line)).isSameAs(Findings.NONE);
        assertThat(line).isEqualTo(before);
    }

    /** A progress line's output is a tail of its fullOutput: it can begin or end inside a secret the other holds whole. */
    @Test
    void aProgressLinesTailThatStartsOrEndsInsideASecretItsFullOutputHoldsLosesThePieceToo() throws Exception {
        String printed = "Fetching credentials...\n[default]\naws_secret_access_key = " + SECRET_KEY + "\nregion = eu-west-1\n";
        String tail = printed.substring(printed.indexOf(SECRET_KEY) + 17);
        String head = printed.substring(0, printed.indexOf(SECRET_KEY) + 23).replace("aws_secret_access_key = ", "");
        ObjectNode progress = JSON.createObjectNode().put("type", "progress");
        progress.putObject("data").put("type", "bash_progress").put("fullOutput", printed).put("output", tail).put("head", head);

        Findings findings = REDACTOR.redactInPlace(progress);

        assertThat(SecretPieces.of(SECRET_KEY).foundIn(progress.toString())).isEmpty();
        assertThat(progress.path("data").path("output").asText()).isEqualTo("[REDACTED:aws-secret-key]\nregion = eu-west-1\n");
        assertThat(progress.path("data").path("head").asText()).endsWith("\n[REDACTED:aws-secret-key]");
        assertThat(findings.byKind()).containsExactly(Map.entry("aws-secret-key", 3));
    }

    @Test
    void aPrivateKeyWhoseBeginLineScrolledOutOfTheTailIsRedactedUpToItsEndLine() {
        String key = FakeSecrets.all().stream().filter(s -> s.kind().equals("private-key")).findFirst().orElseThrow().value();
        String tail = key.substring(30) + "\n-----END RSA PRIVATE KEY-----\n$ ssh -i deploy_rsa bastion";

        assertThat(REDACTOR.redact(tail).text())
                .isEqualTo("[REDACTED:private-key]-----END RSA PRIVATE KEY-----\n$ ssh -i deploy_rsa bastion");
    }

    @Test
    void rawTextIsRedactedAsItStandsAndInsideItsEscapedJsonStrings() {
        String truncated = "{\"type\":\"user\",\"toolUseResult\":\"cat config.json\\n{\\\"user\\\": \\\"etl\\\", \\\"password\\\": "
                + "\\\"Tr0ub4dor-9\\\"}\\n-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA2a2rwplBQLzHPZe5TNJNpC\\n-----END RSA PRIV";
        String yaml = "{\"type\":\"user\",\"toolUseResult\":\"warehouse:\\n  user: etl\\n  password: \\\"Winter2026!Blue\\\"\\n";
        String plain = "not json at all: PGPASSWORD=N7vqL2pX9kWm psql -h db";

        Redactor.Redacted redacted = REDACTOR.redactRaw(truncated);

        assertThat(redacted.text()).isEqualTo("{\"type\":\"user\",\"toolUseResult\":\"cat config.json\\n{\\\"user\\\": \\\"etl\\\", "
                + "\\\"password\\\": \\\"[REDACTED:password-assignment]\\\"}\\n-----BEGIN RSA PRIVATE KEY-----[REDACTED:private-key]-----END RSA PRIV");
        assertThat(redacted.findings().byKind()).containsOnlyKeys("password-assignment", "private-key");
        assertThat(REDACTOR.redactRaw(yaml).text()).isEqualTo(yaml.replace("Winter2026!Blue", "[REDACTED:password-assignment]"));
        assertThat(REDACTOR.redactRaw(plain).text()).isEqualTo("not json at all: PGPASSWORD=[REDACTED:password-assignment] psql -h db");
    }
}
