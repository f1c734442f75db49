package io.sessionfriction.launcher.runtime;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.kafka.BrokerUnreachableException;
import io.sessionfriction.kafka.EmbeddedKafka;
import io.sessionfriction.kafka.TopicCreator;
import io.sessionfriction.processor.Topics;

/** The cluster a command talks to: a shared one, or an embedded broker it owns. */
public final class KafkaTarget implements AutoCloseable {

    private final String bootstrapServers;
    private final Map<String, Object> clientOverrides;
    private final EmbeddedKafka embedded;

    private KafkaTarget(String bootstrapServers, Map<String, Object> clientOverrides, EmbeddedKafka embedded) {
        this.bootstrapServers = bootstrapServers;
        this.clientOverrides = Map.copyOf(clientOverrides);
        this.embedded = embedded;
    }

    /** The cluster at {@code bootstrapServers}, reached with {@code clientOverrides}. */
    public static KafkaTarget shared(String bootstrapServers, Map<String, Object> clientOverrides) {
        return new KafkaTarget(bootstrapServers, clientOverrides, null);
    }

    /**
     * A single-node broker started for this command, stopped on close. Its clients ask a coordinator that is
     * not there yet again after 10 ms instead of Kafka's 100: on a fresh broker the group and transaction
     * coordinators appear once their internal topics are made, on first use, a few milliseconds later, and every
     * client of a short replay waited out whole backoffs for them (the collector's {@code initTransactions} 330 ms,
     * 160 ms with this). Retries past the first still back off exponentially, up to {@code retry.backoff.max.ms}.
     */
    public static KafkaTarget startEmbedded() {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        return new KafkaTarget(kafka.bootstrapServers(), Map.of(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, 10), kafka);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** Client settings applied to every client: from --kafka-config (security and the like), or the embedded broker's. */
    public Map<String, Object> clientOverrides() {
        return clientOverrides;
    }

    public Properties adminProperties() {
        Properties props = new Properties();
        props.putAll(clientOverrides);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** The cluster's id, as its brokers report it. */
    public String clusterId() {
        try (Admin admin = Admin.create(adminProperties())) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Kafka at " + bootstrapServers + " for its cluster id", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerUnreachableException("Kafka unreachable at " + bootstrapServers + ": no cluster id within 30 s", e);
        }
    }

    /** Creates the collector's and the processor's topics where missing. */
    public void createTopics(CollectorConfig collector, int partitions) {
        createTopics(collector, partitions, Topics.newTopics(partitions));
    }

    /** Creates the collector's topics (with {@code partitions}) and {@code processorTopics} where missing. */
    public void createTopics(CollectorConfig collector, int partitions, List<NewTopic> processorTopics) {
        Map<String, NewTopic> byName = new HashMap<>();
        for (NewTopic topic : Collector.topics(collector, partitions)) {
            byName.put(topic.name(), topic);
        }
        for (NewTopic topic : processorTopics) {
            byName.putIfAbsent(topic.name(), topic);
        }
        List<NewTopic> topics = new ArrayList<>(byName.values());
        TopicCreator.createMissing(adminProperties(), topics);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
