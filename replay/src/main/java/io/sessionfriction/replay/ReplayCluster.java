package io.sessionfriction.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.NewTopic;

import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.redaction.Redactor;

/**
 * The cluster a replay runs on and the processor it starts there. The launcher's runtime provides it (the
 * broker it starts or the one named on the command line, the processor as {@code run} starts it), so this
 * module needs neither the command line nor the launcher.
 */
public interface ReplayCluster extends AutoCloseable {

    /** Opens the cluster for one replay; called only when there is something to replay. */
    @FunctionalInterface
    interface Opener {
        ReplayCluster open();
    }

    /** A processor running the run's topology until closed. */
    interface Processor extends AutoCloseable {

        /**
         * Waits until the processor runs and has committed past every committed record of {@code topic}; fails
         * with its error, or with a {@link java.util.concurrent.CancellationException} once {@code stopRequested}
         * says so.
         */
        void awaitConsumed(String topic, Duration bound, BooleanSupplier stopRequested) throws InterruptedException;

        /**
         * The alert stage's running total of each alert it holds, by alertId ({@code SessionQueries.alertsById}): records
         * are published only at escalation thresholds, the state counts every occurrence.
         */
        Map<String, FrictionAlert> alertTotals();

        @Override
        void close();
    }

    /** True for a cluster others use too: the run must check its application id first and delete its topics after. */
    boolean shared();

    String bootstrapServers();

    /** Client settings (security and the like) every client of the run applies. */
    Map<String, Object> clientOverrides();

    Properties adminProperties();

    /** Creates the collector's topics and {@code processorTopics} where missing. */
    void createTopics(CollectorConfig collector, int partitions, List<NewTopic> processorTopics);

    /**
     * Starts the topology with these settings, rules and redaction, and returns while it joins its group: the
     * run publishes meanwhile, and {@link Processor#awaitConsumed} waits for it to run.
     */
    Processor startProcessor(ProcessorSettings settings, RuleCatalogue catalogue, Redactor redactor);

    @Override
    void close();
}
