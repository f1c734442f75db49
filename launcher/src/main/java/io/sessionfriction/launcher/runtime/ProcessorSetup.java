package io.sessionfriction.launcher.runtime;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.redaction.Redactor;

/**
 * What the processor runs with.
 *
 * @param redactor what its first step takes out of every line
 * @param stateDir the --state-dir given: a long-running processor's state directory (StateDirectory.DEFAULT when
 *                 empty), or where a run that ends on its own makes its own (the temporary directory when empty)
 */
public record ProcessorSetup(ProcessorSettings settings, RuleCatalogue catalogue, FixesRegistry fixes, Redactor redactor,
                             Optional<Path> stateDir) {

    public ProcessorSetup {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(fixes, "fixes");
        Objects.requireNonNull(stateDir, "stateDir");
    }
}
