package io.sessionfriction.launcher.runtime;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.rules.RuleCatalogue;

/**
 * What the processor runs with.
 *
 * @param stateDir Kafka Streams' state directory; empty for a fresh temporary one with an embedded broker, and for
 *                 Kafka Streams' default otherwise
 */
public record ProcessorSetup(ProcessorSettings settings, RuleCatalogue catalogue, FixesRegistry fixes, Optional<Path> stateDir) {

    public ProcessorSetup {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(fixes, "fixes");
        Objects.requireNonNull(stateDir, "stateDir");
    }
}
