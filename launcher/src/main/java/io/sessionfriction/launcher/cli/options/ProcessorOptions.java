package io.sessionfriction.launcher.cli.options;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.sessionfriction.launcher.runtime.ProcessorSetup;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.redaction.Redactor;
import picocli.CommandLine.Option;

/** The processor's options; one declaration each, shared by every command that processes, defaults from {@link ProcessorSettings}. */
public final class ProcessorOptions {

    @Option(names = "--application-id", defaultValue = ProcessorSettings.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--inactivity-gap", defaultValue = ProcessorSettings.DEFAULT_INACTIVITY_GAP_MINUTES + "m",
            converter = DurationConverter.class,
            description = "A pause longer than this ends an active block (default: ${DEFAULT-VALUE}).")
    Duration inactivityGap;

    @Option(names = "--allowed-lateness", defaultValue = ProcessorSettings.DEFAULT_ALLOWED_LATENESS_DAYS + "d",
            converter = DurationConverter.class,
            description = "Events older than stream time minus this go to session-events-late (default: ${DEFAULT-VALUE}).")
    Duration allowedLateness;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "YAML rules that extend or override (by id) the shipped catalogue.")
    Path rules;

    @Option(names = "--fixes", paramLabel = "FILE",
            description = "YAML fixes registry: alerts from sessions that started before a fix go to friction-alerts-suppressed.")
    Path fixes;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "process: the processor's state directory, checked to hold this cluster's state (default: "
                    + "~/.local/state/session-friction); run, replay: where their own state folder goes, deleted when "
                    + "they end (default: the temporary directory).")
    Path stateDir;

    public ProcessorSettings settings() {
        try {
            return ProcessorSettings.defaults()
                    .withApplicationId(applicationId)
                    .withInactivityGap(inactivityGap)
                    .withAllowedLateness(allowedLateness);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("processor options: " + e.getMessage(), e);
        }
    }

    /** Everything the processor runs with; the rules and fixes files are read here. */
    public ProcessorSetup setup(Redactor redactor) {
        return new ProcessorSetup(settings(), catalogue(), fixes(), redactor, stateDir());
    }

    public RuleCatalogue catalogue() {
        try {
            return RuleCatalogue.load(Optional.ofNullable(rules));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--rules " + rules + ": " + e.getMessage(), e);
        }
    }

    public FixesRegistry fixes() {
        try {
            return FixesRegistry.load(Optional.ofNullable(fixes));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--fixes " + fixes + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks every value and file, so a bad one stops the command before it starts anything. */
    public void check() {
        settings();
        catalogue();
        fixes();
    }

    public Optional<Path> stateDir() {
        return Optional.ofNullable(stateDir);
    }
}
