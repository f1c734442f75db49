package io.sessionfriction.launcher.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.processor.topology.FrictionTopology;

/** The processor's lifecycle: the topology from the pure builder, run by one KafkaStreams instance. */
public final class ProcessorRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessorRuntime.class);
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(30);
    /** How long a command that ends on its own waits for its processor to run. */
    private static final Duration START_BOUND = Duration.ofSeconds(60);

    private final KafkaStreams streams;
    private final List<String> stores;
    private final ProcessorSettings settings;
    private final StateDirectory state;
    private final CloseOptions closing;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch settled = new CountDownLatch(1);
    private final AtomicReference<KafkaStreams.State> settledOn = new AtomicReference<>();

    private ProcessorRuntime(KafkaStreams streams, List<String> stores, ProcessorSettings settings, StateDirectory state,
            CloseOptions.GroupMembershipOperation onClose) {
        this.streams = streams;
        this.stores = List.copyOf(stores);
        this.settings = settings;
        this.state = state;
        this.closing = CloseOptions.groupMembershipOperation(onClose).withTimeout(CLOSE_BOUND);
    }

    /** The topology every command runs: the shipped pure builder with the setup's rules, fixes and redaction. */
    public static Topology topology(ProcessorSetup setup) {
        ProcessorSettings settings = setup.settings();
        RuleCatalogue catalogue = setup.catalogue();
        return FrictionTopology.build(settings, setup.redactor(), new RuleMatcher(catalogue),
                new FrictionAlertStage(catalogue, setup.fixes(), settings));
    }

    /**
     * Starts the topology for a command that ends on its own (run, replay) and waits until it is RUNNING
     * (or fails, with the reason). It leaves its group on close, so nothing is left waiting for it to return,
     * and its state lives in a folder of its own, deleted on close (StateDirectory).
     */
    public static ProcessorRuntime start(KafkaTarget kafka, ProcessorSetup setup) {
        ProcessorRuntime runtime = launch(kafka, setup);
        try {
            runtime.awaitRunning(START_BOUND);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /**
     * As {@link #start}, without waiting: the caller does other work (a replay publishes its sessions) while
     * the processor joins its group, and calls {@link #awaitRunning} before it relies on it.
     */
    public static ProcessorRuntime launch(KafkaTarget kafka, ProcessorSetup setup) {
        ProcessorRuntime runtime = create(kafka, setup, Map.of(), StateDirectory.ownFor(setup.stateDir()),
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
        runtime.launch();
        return runtime;
    }

    /**
     * The KafkaStreams instance, not started yet, so health checks, metrics and queries can be attached
     * first (a probe then sees it starting). {@code extra} are Streams settings of the caller's own,
     * such as {@code application.server}.
     */
    public static ProcessorRuntime create(KafkaTarget kafka, ProcessorSetup setup, Map<String, Object> extra) {
        // A restarting instance comes back to its tasks without a rebalance, as Kafka Streams does by default,
        // and to its local state, once that is known to be this cluster's.
        StateDirectory state = StateDirectory.lasting(setup.stateDir(), kafka.clusterId(), setup.settings().applicationId(),
                Clock.systemUTC());
        return create(kafka, setup, extra, state, CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
    }

    private static ProcessorRuntime create(KafkaTarget kafka, ProcessorSetup setup, Map<String, Object> extra,
            StateDirectory state, CloseOptions.GroupMembershipOperation onClose) {
        ProcessorSettings settings = setup.settings();
        Properties props = settings.streamsProperties(kafka.bootstrapServers());
        props.putAll(kafka.clientOverrides());
        props.putAll(extra);
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.path().toString());
        try {
            Topology topology = topology(setup);
            return new ProcessorRuntime(new KafkaStreams(topology, props), storeNames(topology), settings, state, onClose);
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    /** Starts the topology and waits until it is RUNNING; throws with the reason when it does not get there. */
    public void startAndAwaitRunning(Duration bound) {
        launch();
        awaitRunning(bound);
    }

    private void launch() {
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR
                    || now == KafkaStreams.State.PENDING_SHUTDOWN) {
                settledOn.compareAndSet(null, now);
                settled.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            failure.set(e);
            log.error("Processor stopped on an unexpected error: {}", e.toString(), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
    }

    /** Waits until the started topology is RUNNING; throws with the reason when it does not get there. */
    public void awaitRunning(Duration bound) {
        try {
            if (!settled.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Processor not RUNNING after " + bound.toSeconds() + " s (state "
                        + streams.state() + "): is the broker reachable?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the processor", e);
        }
        // The state it reached first: by now a rebalance may have taken a running processor back to REBALANCING.
        if (settledOn.get() != KafkaStreams.State.RUNNING) {
            throw new IllegalStateException("Processor failed to start: " + failure.get());
        }
        log.info("Processor {} running", settings.applicationId());
    }

    public KafkaStreams streams() {
        return streams;
    }

    private static List<String> storeNames(Topology topology) {
        return topology.describe().subtopologies().stream().flatMap(sub -> sub.nodes().stream())
                .filter(TopologyDescription.Processor.class::isInstance)
                .flatMap(node -> ((TopologyDescription.Processor) node).stores().stream()).distinct().sorted().toList();
    }

    /** The names of its state stores. */
    public List<String> stateStoreNames() {
        return stores;
    }

    /** Where its local state is. */
    public Path stateDirectory() {
        return state.path();
    }

    public String applicationId() {
        return settings.applicationId();
    }

    /** Null while healthy; the error that stopped the processor otherwise. */
    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        streams.close(closing);
        state.close();
    }
}
