package io.sessionfriction.topology.e2e;

import java.util.Collection;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import io.sessionfriction.kafka.EmbeddedKafka;

/**
 * The broker of the integration tests: Testcontainers' Kafka where a Docker engine answers, the in-process
 * KRaft broker otherwise. Both are real single-node KRaft brokers, so every test runs the same assertions
 * on either; {@code KAFKA_FIXTURE=embedded|container} forces one.
 */
public final class KafkaFixture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaFixture.class);
    private static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

    private final String bootstrapServers;
    private final AutoCloseable broker;

    private KafkaFixture(String bootstrapServers, AutoCloseable broker) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
    }

    public static KafkaFixture start() {
        String forced = System.getenv().getOrDefault("KAFKA_FIXTURE", "");
        boolean container = forced.equals("container") || (forced.isEmpty() && dockerAnswers());
        if (container) {
            KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                    .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(EmbeddedKafka.MAX_MESSAGE_BYTES))
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            kafka.start();
            log.info("Kafka fixture: Testcontainers {} at {}", KAFKA_IMAGE, kafka.getBootstrapServers());
            return new KafkaFixture(kafka.getBootstrapServers(), kafka::stop);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start();
        log.info("Kafka fixture: in-process KRaft broker at {} (no Docker engine)", kafka.bootstrapServers());
        return new KafkaFixture(kafka.bootstrapServers(), kafka);
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public void createTopics(Collection<NewTopic> topics) {
        EmbeddedKafka.createTopics(bootstrapServers, topics);
    }

    @Override
    public void close() throws Exception {
        broker.close();
    }
}
