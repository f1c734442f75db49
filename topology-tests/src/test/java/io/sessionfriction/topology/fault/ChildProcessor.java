package io.sessionfriction.topology.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/** A {@link ProcessorProcessMain} child JVM, its output in a log file under {@code target/fault-suite}. */
final class ChildProcessor implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildProcessor(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildProcessor start(String bootstrapServers, String prefix, Path stateDir, String name) {
        try {
            Path log = Files.createDirectories(Path.of("target", "fault-suite")).resolve(name + ".log");
            Files.deleteIfExists(log);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    ProcessorProcessMain.class.getName(), bootstrapServers, prefix, stateDir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ChildProcessor(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until its Kafka Streams is RUNNING (tasks assigned and restored). */
    ChildProcessor awaitRunning() {
        Awaitility.await(log + " running").atMost(Duration.ofSeconds(90))
                .until(() -> Files.exists(log) && Files.readString(log).contains(ProcessorProcessMain.RUNNING));
        return this;
    }

    /** kill -9: no close, no commit, no leaving the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: Kafka Streams closes (commits, keeps its group membership for a restart). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
