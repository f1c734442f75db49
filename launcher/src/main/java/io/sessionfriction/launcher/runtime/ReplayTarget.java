package io.sessionfriction.launcher.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.NewTopic;

import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.query.SessionQueries;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.redaction.Redactor;
import io.sessionfriction.replay.ReplayCluster;

/** A replay's cluster: a {@link KafkaTarget}, with the processor started on it as {@code run} starts it. */
public final class ReplayTarget implements ReplayCluster {

    private final KafkaTarget target;
    private final FixesRegistry fixes;
    private final Optional<Path> stateDir;

    /**
     * @param fixes    the fixes registry the run's processor applies
     * @param stateDir the processor's state directory, when one is given
     */
    public ReplayTarget(KafkaTarget target, FixesRegistry fixes, Optional<Path> stateDir) {
        this.target = target;
        this.fixes = fixes;
        this.stateDir = stateDir;
    }

    @Override
    public boolean shared() {
        return !target.embedded();
    }

    @Override
    public String bootstrapServers() {
        return target.bootstrapServers();
    }

    @Override
    public Map<String, Object> clientOverrides() {
        return target.clientOverrides();
    }

    @Override
    public Properties adminProperties() {
        return target.adminProperties();
    }

    @Override
    public void createTopics(CollectorConfig collector, int partitions, List<NewTopic> processorTopics) {
        target.createTopics(collector, partitions, processorTopics);
    }

    @Override
    public Processor startProcessor(ProcessorSettings settings, RuleCatalogue catalogue, Redactor redactor) {
        CatchUp catchUp = new CatchUp(target);
        ProcessorRuntime runtime;
        try {
            runtime = ProcessorRuntime.launch(target, new ProcessorSetup(settings, catalogue, fixes, redactor, stateDir));
        } catch (RuntimeException e) {
            catchUp.close();
            throw e;
        }
        return new Processor() {
            @Override
            public void awaitConsumed(String topic, Duration bound, BooleanSupplier stopRequested) throws InterruptedException {
                runtime.awaitRunning(bound);
                catchUp.awaitGroup(runtime.applicationId(), topic, bound, runtime::failure, stopRequested);
            }

            @Override
            public Map<String, FrictionAlert> alertTotals() {
                return new SessionQueries(runtime.streams()).alertsById();
            }

            @Override
            public void close() {
                catchUp.close();
                runtime.close();
            }
        };
    }

    @Override
    public void close() {
        target.close();
    }
}
