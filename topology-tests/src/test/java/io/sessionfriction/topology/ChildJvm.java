package io.sessionfriction.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath in its own JVM, as a supervisor runs a process (its own metrics, its own
 * log), its output in {@code target/child-jvms/NAME.log}: {@link #stop()} is SIGTERM, {@link #kill()} SIGKILL.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ChildJvm start(String name, Class<?> main, String... args) {
        return start(name, List.of(), main, args);
    }

    /** As {@link #start(String, Class, String...)}, with these JVM options too. */
    public static ChildJvm start(String name, List<String> jvmOptions, Class<?> main, String... args) {
        try {
            Path log = Files.createDirectories(Path.of("target", "child-jvms")).resolve(name + ".log");
            Files.deleteIfExists(log);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Xmx512m"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(List.of(args));
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What it printed and logged so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its log lines of {@code level} that contain {@code text}. */
    public List<String> logged(String level, String text) {
        return output().lines().filter(line -> line.contains(" " + level + " ") && line.contains(text)).toList();
    }

    public boolean running() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, and waits for the exit; true when it exited within the bound. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hook, no close, no commit, no leaving a group. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop()) {
            kill();
        }
    }
}
