package io.sessionfriction.launcher.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.redaction.Redactor;
import picocli.CommandLine;

/** {@code --redaction-rules} and {@code --redaction-key-file}: the shipped rules without a hash by default, a bad file names its option. */
class RedactionOptionsTest {

    private static final String COMMAND = "PGPASSWORD=N7vqL2pX9kWm psql -h db.internal";

    @TempDir
    Path dir;

    @Test
    void withoutEitherTheShippedRulesWriteHashlessPlaceholders() {
        assertThat(parse().redactor()).isSameAs(Redactor.defaults());
        assertThat(parse().redactor().redact(COMMAND).text()).isEqualTo("PGPASSWORD=[REDACTED:password-assignment] psql -h db.internal");
    }

    @Test
    void aKeyFileAddsAKeyedHashAndARulesFileItsRules() throws IOException {
        Path key = Files.writeString(dir.resolve("key"), "3c9f0e8d7a6b5c4d3e2f1a0b9c8d7e6f\n");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: acme-ticket-key
                    description: ACME's ticket system keys
                    literals: [acmetk_]
                    pattern: 'acmetk_[a-z0-9]{20}'
                    anchored: true
                """);

        Redactor redactor = parse("--redaction-key-file", key.toString(), "--redaction-rules", rules.toString()).redactor();

        assertThat(redactor.redact(COMMAND).text()).matches("PGPASSWORD=\\[REDACTED:password-assignment:[0-9a-f]{8}] psql -h db.internal");
        assertThat(redactor.redact("key acmetk_0123456789abcdefghij").text()).startsWith("key [REDACTED:acme-ticket-key:");
    }

    @Test
    void aBadFileStopsTheCommandNamingItsOption() throws IOException {
        Path shortKey = Files.writeString(dir.resolve("short"), "tooshort");
        Path badRules = Files.writeString(dir.resolve("bad.yaml"), "rules: [{id: x}]");

        assertThatThrownBy(() -> parse("--redaction-key-file", shortKey.toString()).redactor())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--redaction-key-file: a redaction key needs at least 16 bytes, this one has 8");
        assertThatThrownBy(() -> parse("--redaction-key-file", dir.resolve("missing").toString()).redactor())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--redaction-key-file: cannot read");
        assertThatThrownBy(() -> parse("--redaction-rules", badRules.toString()).redactor())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--redaction-rules: invalid redaction rule catalogue:")
                .hasMessageContaining("rule 'x' (user file " + badRules + "): field 'description' is required");
    }

    private static RedactionOptions parse(String... args) {
        RedactionOptions options = new RedactionOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
