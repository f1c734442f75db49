package io.sessionfriction.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sessionfriction.limits.RecordLimits;

/**
 * A real single-node Kafka broker (KRaft, broker and controller combined in one process) on 127.0.0.1,
 * a free port and a temporary log directory that is deleted on close.
 *
 * <p>It is Kafka's own {@code KafkaClusterTestKit}: the same broker and controller code as a server
 * install, started in-process from Maven Central artifacts. It serves the embedded default of the
 * {@code run} command and the integration tests on machines without a Docker engine.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** The broker's largest record batch: the line topics' record size; the collector shortens events to fit below it. */
    public static final int MAX_MESSAGE_BYTES = RecordLimits.LINE_RECORD_BYTES;

    /**
     * The broker's settings (also for any other single-node broker of the tests). A single node has one replica of
     * everything: internal topics must not ask for three, or the group coordinator and the transaction coordinator
     * never become available.
     */
    public static final Map<String, String> SINGLE_NODE_CONFIG = Map.ofEntries(
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "3"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "3"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES)),
            // The processor's records carry event time, so a replay of last month's sessions writes records
            // older than any retention: the broker's retention check (30 s after start, then every 5 min)
            // deleted whole segments of alerts while the run was still reading them. This broker's data
            // lives only as long as its process; nothing here expires by time.
            Map.entry("log.retention.ms", "-1"));

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Formats a fresh log directory, starts the node and waits until it accepts clients. A start that fails
     * (or is cut short by the JVM's shutdown) stops what it started and deletes the directory.
     */
    public static EmbeddedKafka start() {
        long began = System.nanoTime();
        Path baseDir;
        try {
            baseDir = Files.createTempDirectory("session-friction-kafka-");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker: " + e.getMessage(), e);
        }
        KafkaClusterTestKit cluster = null;
        boolean started = false;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    // The test kit defaults to the newest metadata version, unstable features included
                    // (4.3-IV0 on 4.2.1); a broker for real work runs the newest production-ready one.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDir)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
            SINGLE_NODE_CONFIG.forEach(builder::setConfigProp);
            // A controlled shutdown hands the node's partitions to other brokers before it stops; this node has
            // none to hand them to, and its data goes with it, yet its close waited ~120 ms for the controller.
            builder.setConfigProp("controlled.shutdown.enable", "false");
            cluster = builder.build();
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafka kafka = new EmbeddedKafka(cluster);
            log.info("Embedded Kafka broker ready at {} in {} ms (log dir {})",
                    kafka.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), baseDir);
            started = true;
            return kafka;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker: " + e.getMessage(), e);
        } finally {
            if (!started) {
                discard(cluster, baseDir);
            }
        }
    }

    private static void discard(KafkaClusterTestKit cluster, Path baseDir) {
        try {
            if (cluster != null) {
                cluster.close();
            }
            Utils.delete(baseDir.toFile());
        } catch (Exception e) {
            log.warn("Could not remove the embedded Kafka broker's log dir {}: {}", baseDir, e.toString());
        }
    }

    /**
     * The test kit's formatter prints the bootstrap metadata to stdout, which would mix into the run
     * command's alert output; it goes to the log at debug level instead.
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            cluster.format();
        } finally {
            System.setOut(stdout);
            log.debug("Formatted the log directory: {}", captured.toString(StandardCharsets.UTF_8).strip());
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<NewTopic> topics) {
        createTopics(bootstrapServers(), topics);
    }

    /** Creates the topics that do not exist yet on a cluster that needs no client security settings. */
    public static void createTopics(String bootstrapServers, Collection<NewTopic> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        TopicCreator.createMissing(props, topics);
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Embedded Kafka broker did not close cleanly: {}", e.toString());
        }
    }
}
