package io.sessionfriction.launcher.cli.options;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.apache.kafka.common.KafkaException;

import io.sessionfriction.launcher.cli.ClientSettingsErrors;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import picocli.CommandLine.Option;

/** How to reach Kafka. Without {@code --bootstrap-servers} the commands that allow it start an embedded broker. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers. Unset: start an embedded single-node broker (run, replay only).")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Properties file with extra Kafka client settings (security.protocol, sasl.*, ssl.*, ...). "
                    + "Values are never logged.")
    Path kafkaConfig;

    @Option(names = "--partitions", defaultValue = "3", paramLabel = "N",
            description = "Partitions for topics this command creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    /** The cluster these options name, or, where the command allows one, an embedded broker started for it. */
    public KafkaTarget open(boolean embeddedAllowed) {
        Map<String, Object> overrides = clientOverrides();
        if (!embedded()) {
            return KafkaTarget.shared(bootstrapServers, overrides);
        }
        if (!embeddedAllowed) {
            throw new IllegalArgumentException("--bootstrap-servers is required for this command");
        }
        return KafkaTarget.startEmbedded();
    }

    public boolean embedded() {
        return bootstrapServers == null || bootstrapServers.isBlank();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int partitions() {
        return partitions;
    }

    /**
     * Runs a command that talks to Kafka; a client that cannot be built from the settings becomes an error
     * that says so without printing the settings' values (they may hold passwords).
     */
    public int explainingClientErrors(Callable<Integer> command) throws Exception {
        try {
            return command.call();
        } catch (KafkaException e) {
            throw ClientSettingsErrors.explain(e, clientOverrides());
        }
    }

    /** Extra client properties from {@code --kafka-config}; empty when none was given. */
    public Map<String, Object> clientOverrides() {
        Map<String, Object> overrides = new HashMap<>();
        if (kafkaConfig == null) {
            return overrides;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(kafkaConfig)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("--kafka-config: cannot read " + kafkaConfig + ": " + e.getMessage(), e);
        }
        props.stringPropertyNames().forEach(name -> overrides.put(name, props.getProperty(name)));
        return overrides;
    }
}
