package io.sessionfriction.topology.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import io.sessionfriction.launcher.cli.Main;
import picocli.CommandLine;

/**
 * A long-running command of the jar ({@code collect}, {@code process}, {@code notify}, {@code run --follow})
 * run in this JVM as a user runs it, on its own thread; {@link #close()} interrupts it, which is what Ctrl-C
 * does to the command's thread.
 */
public final class CliInBackground implements AutoCloseable {

    private final Thread thread;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private volatile Integer exitCode;

    private CliInBackground(String name, String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        this.thread = new Thread(() -> exitCode = cli.execute(args), name);
    }

    public static CliInBackground start(String name, String... args) {
        CliInBackground command = new CliInBackground(name, args);
        command.thread.start();
        return command;
    }

    /** Still running: it has not exited on an error. */
    public boolean running() {
        return thread.isAlive();
    }

    /** What it printed on stdout so far. */
    public String output() {
        return out.toString();
    }

    public String errors() {
        return err.toString();
    }

    /** Its exit code once it returned, else null. */
    public Integer exitCode() {
        return exitCode;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(60).toMillis());
    }
}
