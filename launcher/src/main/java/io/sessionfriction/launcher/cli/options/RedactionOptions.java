package io.sessionfriction.launcher.cli.options;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import io.sessionfriction.redaction.RedactionCatalogue;
import io.sessionfriction.redaction.RedactionKey;
import io.sessionfriction.redaction.Redactor;
import picocli.CommandLine.Option;

/** How secrets are taken out of what the pipeline writes (docs/security.md); shared by every command that collects or processes. */
public final class RedactionOptions {

    @Option(names = "--redaction-rules", paramLabel = "FILE",
            description = "YAML redaction rules that extend or override (by id) the shipped ones.")
    Path rules;

    @Option(names = "--redaction-key-file", paramLabel = "FILE",
            description = "File holding this deployment's redaction key (at least " + RedactionKey.MIN_BYTES + " bytes, e.g. "
                    + "`openssl rand -hex 32`): placeholders then carry a short keyed hash of the secret, the same for the "
                    + "same secret across alerts. Default: placeholders without a hash.")
    Path keyFile;

    /** The redactor these options describe; a bad file names its option. */
    public Redactor redactor() {
        if (rules == null && keyFile == null) {
            return Redactor.defaults();
        }
        RedactionCatalogue catalogue;
        try {
            catalogue = RedactionCatalogue.load(Optional.ofNullable(rules));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalArgumentException("--redaction-rules: " + e.getMessage(), e);
        }
        try {
            return Redactor.of(catalogue, Optional.ofNullable(keyFile).map(RedactionKey::fromFile));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalArgumentException("--redaction-key-file: " + e.getMessage(), e);
        }
    }
}
