package io.sessionfriction.topology.e2e;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import io.sessionfriction.kafka.EmbeddedKafka;
import io.sessionfriction.testsupport.SharedBroker;

/**
 * The broker of the integration tests: Testcontainers' Kafka where a Docker engine answers, the in-process
 * KRaft broker otherwise. Both are real single-node KRaft brokers, so every test runs the same assertions
 * on either; {@code KAFKA_FIXTURE=embedded|container} forces one.
 */
public final class KafkaFixture {

    private static final Logger log = LoggerFactory.getLogger(KafkaFixture.class);
    private static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

    private KafkaFixture() {
    }

    /** One such broker for the tests of a class: register it with {@code @RegisterExtension} on a static field. */
    public static SharedBroker perClass() {
        return SharedBroker.startedBy(KafkaFixture::start);
    }

    private static SharedBroker.Started start() {
        String forced = System.getenv().getOrDefault("KAFKA_FIXTURE", "");
        boolean container = forced.equals("container") || (forced.isEmpty() && dockerAnswers());
        if (container) {
            KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                    .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(EmbeddedKafka.MAX_MESSAGE_BYTES))
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            kafka.start();
            log.info("Kafka fixture: Testcontainers {} at {}", KAFKA_IMAGE, kafka.getBootstrapServers());
            return new SharedBroker.Started(kafka.getBootstrapServers(), kafka::stop);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start();
        log.info("Kafka fixture: in-process KRaft broker at {} (no Docker engine)", kafka.bootstrapServers());
        return new SharedBroker.Started(kafka.bootstrapServers(), kafka);
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
