package io.sessionfriction.topology.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import io.sessionfriction.launcher.cli.Main;
import picocli.CommandLine;

/**
 * A long-running command of the jar ({@code collect}, {@code process}) run in this JVM as a user runs it,
 * on its own thread; {@link #close()} interrupts it, which is what Ctrl-C does to the command's thread.
 */
final class CliInBackground implements AutoCloseable {

    private final Thread thread;
    private final StringWriter err = new StringWriter();

    private CliInBackground(String name, String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        this.thread = new Thread(() -> cli.execute(args), name);
    }

    static CliInBackground start(String name, String... args) {
        CliInBackground command = new CliInBackground(name, args);
        command.thread.start();
        return command;
    }

    /** Still running: it has not exited on an error. */
    boolean running() {
        return thread.isAlive();
    }

    String errors() {
        return err.toString();
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(60).toMillis());
    }
}
