package io.sessionfriction.topology.fault;

import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

import io.sessionfriction.topology.ChildJvm;

/** A {@link ProcessorProcessMain} in a JVM of its own. */
final class ChildProcessor implements AutoCloseable {

    private final ChildJvm jvm;

    private ChildProcessor(ChildJvm jvm) {
        this.jvm = jvm;
    }

    static ChildProcessor start(String bootstrapServers, String prefix, Path stateDir, String name) {
        return new ChildProcessor(ChildJvm.start(name, ProcessorProcessMain.class, bootstrapServers, prefix, stateDir.toString()));
    }

    /** Waits until its Kafka Streams is RUNNING (tasks assigned and restored). */
    ChildProcessor awaitRunning() {
        Awaitility.await(jvm.log() + " running").atMost(Duration.ofSeconds(90))
                .until(() -> jvm.output().contains(ProcessorProcessMain.RUNNING));
        return this;
    }

    /** kill -9: no close, no commit, no leaving the group. */
    void kill() throws InterruptedException {
        jvm.kill();
    }

    /** SIGTERM: Kafka Streams closes (commits, keeps its group membership for a restart). */
    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
