package io.sessionfriction.launcher.runtime.http;

import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * The processor's probes. Ready: Kafka Streams is RUNNING (not created, starting, rebalancing or
 * stopped), so its stores answer queries and it processes, and the cluster answers (Streams stays RUNNING
 * through an outage). Live: no stream thread died and Streams is not in ERROR; a rebalance or an outage is
 * not a reason to restart the process.
 */
public final class StreamsHealth implements Health.Checks {

    private final KafkaStreams streams;
    private final Supplier<Throwable> failure;
    private final Supplier<Optional<String>> unreachable;

    /** @param unreachable why the cluster does not answer now (BrokerWatch), empty while it does */
    public StreamsHealth(KafkaStreams streams, Supplier<Throwable> failure, Supplier<Optional<String>> unreachable) {
        this.streams = streams;
        this.failure = failure;
        this.unreachable = unreachable;
    }

    @Override
    public Health live() {
        Throwable failed = failure.get();
        if (failed != null) {
            return Health.down("processor failed: " + failed);
        }
        State state = streams.state();
        return state == State.ERROR || state == State.PENDING_ERROR
                ? Health.down("Kafka Streams state " + state) : Health.up();
    }

    @Override
    public Health ready() {
        Health live = live();
        if (!live.isUp()) {
            return live;
        }
        State state = streams.state();
        if (state != State.RUNNING) {
            return Health.down("Kafka Streams state " + state);
        }
        return unreachable.get().map(Health::down).orElse(Health.up());
    }
}
