package io.sessionfriction.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void theShippedRulesLoadAndPassTheirOwnExamples() {
        RedactionCatalogue catalogue = RedactionCatalogue.defaults();

        assertThat(catalogue.rules()).extracting(RedactionRule::id).doesNotHaveDuplicates().contains(
                "aws-access-key-id", "aws-secret-key", "gcp-api-key", "gcp-service-account-key", "azure-connection-string",
                "azure-sas-token", "github-classic-token", "github-fine-grained-token", "github-app-token", "github-oauth-token",
                "gitlab-token", "slack-token", "slack-webhook-url", "openai-api-key", "anthropic-api-key", "stripe-key",
                "jwt", "authorization-header", "url-password", "password-assignment", "password-flag", "env-secret",
                "private-key");
    }

    @Test
    void aUserFileOverridesAShippedRuleFieldByFieldKeepsItsPlaceAndAddsNewRulesAfterTheShippedOnes() throws IOException {
        Path user = write("""
                rules:
                  - id: jwt
                    description: JWTs, under the name our tracker uses
                    kind: json-web-token
                  - id: acme-api-key
                    description: ACME's internal API keys
                    literals: [acme_]
                    pattern: '\\bacme_[a-z0-9]{24}\\b'
                    examples: ['ACME=acme_0123456789abcdefghijklmn']
                  - id: bearer-token
                    enabled: false
                """);

        RedactionCatalogue catalogue = RedactionCatalogue.load(Optional.of(user));

        RedactionRule jwt = catalogue.rules().stream().filter(r -> r.id().equals("jwt")).findFirst().orElseThrow();
        assertThat(jwt.kind()).isEqualTo("json-web-token");
        assertThat(jwt.literals()).containsExactly("eyJ");
        assertThat(catalogue.rules()).extracting(RedactionRule::id)
                .doesNotContain("bearer-token")
                .endsWith("acme-api-key")
                .containsSubsequence("aws-access-key-id", "jwt", "env-secret");
        assertThat(Redactor.of(catalogue, Optional.empty()).redact("ACME=acme_0123456789abcdefghijklmn").text())
                .isEqualTo("ACME=[REDACTED:acme-api-key]");
    }

    @Test
    void everyProblemOfAUserFileIsReportedAtOnceNamingTheRuleAndTheField() throws IOException {
        Path user = write("""
                rules:
                  - id: Bad_Id
                    description: x
                    literals: [abc]
                    pattern: 'abc'
                  - id: no-literals
                    description: x
                    pattern: 'secret-[0-9]+'
                  - id: broken-regex
                    description: x
                    literals: [ab]
                    pattern: 'ab(['
                  - id: matches-nothing-but-empty
                    description: x
                    literals: [ab]
                    pattern: 'x*'
                  - id: skipped-by-prefilter
                    description: x
                    literals: [tok_]
                    pattern: 'TKN-[0-9]{6}'
                    examples: ['TKN-123456']
                  - id: too-eager
                    description: x
                    literals: [id-]
                    pattern: 'id-[0-9]+'
                    nonExamples: ['order id-42']
                  - id: typo
                    description: x
                    literals: [ab]
                    pattern: 'ab'
                    paterns: 'ab'
                  - id: misanchored
                    description: x
                    literals: [token]
                    pattern: 'my_?token=[0-9]+'
                    anchored: true
                    examples: ['my_token=42']
                  - id: jwt
                    minEntropy: 12
                  - description: no id
                """);

        assertThatThrownBy(() -> RedactionCatalogue.load(Optional.of(user)))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(problems(e)).containsExactlyInAnyOrder(
                        "rule 'Bad_Id' (user file " + user + "): field 'id' 'Bad_Id' must be kebab-case (a-z, 0-9, single dashes)",
                        "rule 'Bad_Id' (user file " + user + "): field 'kind' 'Bad_Id' must be kebab-case: it is written into every placeholder and metric",
                        "rule 'no-literals' (user file " + user + "): field 'literals' is required: the pre-filter runs a rule's pattern only on text holding one of its literals",
                        "rule 'broken-regex' (user file " + user + "): field 'pattern' does not compile: Unclosed character class near index 3",
                        "rule 'matches-nothing-but-empty' (user file " + user + "): field 'pattern' matches the empty string, so it would match everywhere",
                        "rule 'skipped-by-prefilter' (user file " + user + "): field 'examples[0]' is not redacted by the rule (it holds none of the literals [tok_], so the pre-filter skips it)",
                        "rule 'too-eager' (user file " + user + "): field 'nonExamples[0]' is redacted by the rule, which must leave it as it is",
                        "rule 'typo' (user file " + user + "): unknown field 'paterns' (known: [id, kind, description, literals, pattern, minEntropy, allow, anchored, examples, nonExamples, enabled])",
                        "rule 'jwt' (shipped /rules/redaction-rules.yaml overridden by user file " + user + "): field 'minEntropy' 12.0 must be between 0 and 8.0 bits per char",
                        "rule 'misanchored' (user file " + user + "): field 'examples[0]' is not redacted by the rule",
                        "rule 'misanchored' (user file " + user + "): field 'anchored' is true, but examples[0] matches at index 0, where none of the literals starts",
                        "rule '#9' (user file " + user + "): field 'id' is required"));
    }

    @Test
    void aFileThatIsNotACatalogueSaysWhatIsExpected() throws IOException {
        Path notYaml = write("rules: [unclosed");
        Path list = write("- id: x");

        assertThatThrownBy(() -> RedactionCatalogue.load(Optional.of(notYaml)))
                .hasMessageContaining("user file " + notYaml + ": not valid YAML");
        assertThatThrownBy(() -> RedactionCatalogue.load(Optional.of(list)))
                .hasMessageContaining("user file " + list + ": expected a mapping whose field 'rules' is a list of rules");
    }

    /** The message's lines after its first: one problem each. */
    private static List<String> problems(Throwable e) {
        List<String> lines = List.of(e.getMessage().split("\n"));
        assertThat(lines.get(0)).isEqualTo("invalid redaction rule catalogue:");
        return lines.subList(1, lines.size()).stream().map(String::strip).toList();
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "redaction-", ".yaml");
        return Files.writeString(file, yaml);
    }
}
