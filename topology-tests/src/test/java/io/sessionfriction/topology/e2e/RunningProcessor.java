package io.sessionfriction.topology.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.processor.topology.FrictionTopology;
import io.sessionfriction.testsupport.SharedBroker;

/** The production topology with the shipped rules, run by a real KafkaStreams instance against the fixture. */
public final class RunningProcessor implements AutoCloseable {

    private final KafkaStreams streams;

    private RunningProcessor(KafkaStreams streams) {
        this.streams = streams;
    }

    static RunningProcessor start(SharedBroker kafka, String applicationId, Path stateDir) {
        return start(kafka, applicationId, stateDir, FixesRegistry.empty());
    }

    static RunningProcessor start(SharedBroker kafka, String applicationId, Path stateDir, FixesRegistry fixes) {
        return start(kafka.bootstrapServers(), ProcessorSettings.defaults().withApplicationId(applicationId), stateDir, fixes);
    }

    /** With the production settings but these (an application id and topic prefix of a test's own). */
    public static RunningProcessor start(String bootstrapServers, ProcessorSettings settings, Path stateDir) {
        return start(bootstrapServers, settings, stateDir, FixesRegistry.empty());
    }

    private static RunningProcessor start(String bootstrapServers, ProcessorSettings settings, Path stateDir, FixesRegistry fixes) {
        RuleCatalogue catalogue = RuleCatalogue.defaults();
        Properties props = settings.streamsProperties(bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KafkaStreams streams = new KafkaStreams(FrictionTopology.build(settings, new RuleMatcher(catalogue),
                new FrictionAlertStage(catalogue, fixes, settings)), props);
        streams.start();
        Awaitility.await("processor running").atMost(Duration.ofSeconds(60))
                .until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return new RunningProcessor(streams);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
