package io.sessionfriction.topology.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sessionfriction.launcher.cli.Main;

/**
 * A command of the jar in its own JVM, as a supervisor runs it (its own process, its own metrics and log),
 * its output in {@code target/ops/NAME.log}; {@link #close()} sends SIGTERM.
 */
final class ChildCommand implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildCommand(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildCommand start(String name, String... args) {
        try {
            Path log = Files.createDirectories(Path.of("target", "ops")).resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(args));
            return new ChildCommand(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What it printed and logged so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its log lines of {@code level} that contain {@code text}. */
    List<String> logged(String level, String text) {
        return output().lines().filter(line -> line.contains(" " + level + " ") && line.contains(text)).toList();
    }

    boolean running() {
        return process.isAlive();
    }

    /** SIGTERM, and waits for the exit; true when it exited within the bound. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
