package io.sessionfriction.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates topics that do not exist yet on any cluster; existing ones are left as they are. */
public final class TopicCreator {

    private static final long TIMEOUT_SECONDS = 30;

    private TopicCreator() {
    }

    /**
     * Creates them in one request: a replay creates a dozen topics, and one request per topic cost a third of
     * a second of its start.
     *
     * @param adminProperties bootstrap servers plus any security settings the cluster needs
     * @throws BrokerUnreachableException when no broker answers at the address within the bound
     */
    public static void createMissing(Properties adminProperties, Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(adminProperties)) {
            // One question first, so an address nobody answers at is said as such, once, in one bound, not as
            // a time-out on the first topic after the client's own retries.
            reachable(admin, adminProperties.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
            if (topics.isEmpty()) {
                return;
            }
            Map<String, KafkaFuture<Void>> created = admin.createTopics(List.copyOf(topics)).values();
            for (Map.Entry<String, KafkaFuture<Void>> topic : created.entrySet()) {
                await(topic.getKey(), topic.getValue());
            }
        }
    }

    private static void reachable(Admin admin, String address) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)))
                    .nodes().get(TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new BrokerUnreachableException("Kafka unreachable at " + address + ": no broker answered within "
                    + TIMEOUT_SECONDS + " s (" + cause.getClass().getSimpleName() + ")", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reaching Kafka at " + address, e);
        }
    }

    private static void await(String topic, KafkaFuture<Void> creation) {
        try {
            creation.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + TIMEOUT_SECONDS + " s creating topic " + topic, e);
        }
    }
}
