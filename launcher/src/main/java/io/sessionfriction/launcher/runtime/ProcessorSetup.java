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
 * @param stateDir Kafka Streams' state directory; empty for a fresh temporary one with an embedded broker, and for
 *                 Kafka Streams' default otherwise
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
