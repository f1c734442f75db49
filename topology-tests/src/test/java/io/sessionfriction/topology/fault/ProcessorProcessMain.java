package io.sessionfriction.topology.fault;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.processor.topology.FrictionTopology;

/**
 * A processor in its own JVM, for the fault suite to kill with SIGKILL: the production topology and
 * settings (exactly_once_v2, RocksDB). Arguments: bootstrap servers, topic prefix (also its application
 * id's), state directory. Prints {@value #RUNNING} once Kafka Streams runs.
 */
public final class ProcessorProcessMain {

    static final String RUNNING = "processor RUNNING";

    private ProcessorProcessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessorSettings settings = ProcessorSettings.defaults().withApplicationId(args[1] + "processor").withTopicPrefix(args[1]);
        Properties props = settings.streamsProperties(args[0]);
        props.put(StreamsConfig.STATE_DIR_CONFIG, args[2]);
        // A killed instance leaves its group when it stops heartbeating: 6 s (the broker's least) instead of 45 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        RuleCatalogue rules = RuleCatalogue.defaults();
        KafkaStreams streams = new KafkaStreams(FrictionTopology.build(settings, new RuleMatcher(rules),
                new FrictionAlertStage(rules, FixesRegistry.empty(), settings)), props);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                System.out.println(RUNNING);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> streams.close(Duration.ofSeconds(30)), "processor-shutdown"));
        streams.start();
        new CountDownLatch(1).await();
    }
}
