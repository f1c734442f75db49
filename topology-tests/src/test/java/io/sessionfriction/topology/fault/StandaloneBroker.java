package io.sessionfriction.topology.fault;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.awaitility.Awaitility;

import io.sessionfriction.kafka.EmbeddedKafka;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node KRaft broker as a server install runs it ({@code KafkaRaftServer}, formatted once), on fixed
 * ports and a log directory that outlive it: {@link #stop()} and {@link #start()} are a broker restarted on
 * the same log dir, and clients reconnect to the same address. The embedded broker of the other tests
 * cannot do that (its test kit picks new ports on every start).
 */
public final class StandaloneBroker implements AutoCloseable {

    private final Map<String, Object> config;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private StandaloneBroker(Map<String, Object> config, String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats {@code logDir} as a new cluster, then starts the broker. */
    public static StandaloneBroker start(Path logDir) throws Exception {
        int brokerPort = freePort();
        int controllerPort = freePort();
        Map<String, Object> config = new HashMap<>(EmbeddedKafka.SINGLE_NODE_CONFIG);
        config.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                "controller.quorum.voters", "1@localhost:" + controllerPort,
                "listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners", "PLAINTEXT://localhost:" + brokerPort,
                "controller.listener.names", "CONTROLLER",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name", "PLAINTEXT",
                "log.dirs", logDir.toString()));
        new Formatter().setNodeId(1).setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString())).setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.latestProduction()).setControllerListenerName("CONTROLLER")
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream())).run();
        StandaloneBroker broker = new StandaloneBroker(config, "localhost:" + brokerPort);
        broker.start();
        return broker;
    }

    /** Starts the broker on its log dir, and waits until it answers. */
    public void start() {
        server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
        Awaitility.await("broker answering at " + bootstrapServers).atMost(Duration.ofSeconds(60))
                .ignoreExceptions().until(this::answers);
    }

    /** A clean stop, as {@code kafka-server-stop.sh}; the log dir stays. */
    public void stop() {
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    void createTopics(List<NewTopic> topics) {
        EmbeddedKafka.createTopics(bootstrapServers, topics);
    }

    private boolean answers() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
