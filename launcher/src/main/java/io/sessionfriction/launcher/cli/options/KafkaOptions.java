package io.sessionfriction.launcher.cli.options;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.sessionfriction.launcher.runtime.KafkaTarget;
import picocli.CommandLine.Option;

/** How to reach Kafka. Without {@code --bootstrap-servers} the commands that allow it start an embedded broker. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers. Unset: start an embedded single-node broker (run, replay only).")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Properties file with extra Kafka client settings (security.protocol, sasl.*, ssl.*, ...). "
                    + "Values are never logged. The settings exactly-once depends on (acks, isolation.level, "
                    + "processing.guarantee, ...) are the pipeline's: a file that sets one is refused.")
    Path kafkaConfig;

    @Option(names = "--partitions", defaultValue = "3", paramLabel = "N", converter = PositiveNumber.class,
            description = "Partitions for topics this command creates (default: ${DEFAULT-VALUE}; replay: one per stream thread).")
    int partitions;

    private Map<String, Object> overrides;

    /** The cluster these options name, or, where the command allows one, an embedded broker started for it. */
    public KafkaTarget open(boolean embeddedAllowed) {
        Map<String, Object> settings = clientOverrides();
        if (!embedded()) {
            return KafkaTarget.shared(bootstrapServers, settings);
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
     * Extra client properties from {@code --kafka-config}, read once; empty when none was given. A setting the
     * pipeline sets itself is an error (see {@link ReservedClientSettings}).
     */
    public Map<String, Object> clientOverrides() {
        if (overrides == null) {
            overrides = Map.copyOf(read());
        }
        return overrides;
    }

    private Map<String, Object> read() {
        Map<String, Object> settings = new HashMap<>();
        if (kafkaConfig == null) {
            return settings;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(kafkaConfig)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("--kafka-config: cannot read " + kafkaConfig + ": " + e.getMessage(), e);
        }
        props.stringPropertyNames().forEach(name -> settings.put(name, props.getProperty(name)));
        ReservedClientSettings.refuse(settings, kafkaConfig);
        return settings;
    }
}
