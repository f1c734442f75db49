package io.sessionfriction.launcher.runtime;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The jar's main as {@link BoundedRunJvmTest} runs it in a JVM of its own, with nothing of a command behind it. */
public final class BoundedRunJvmProbe {

    private BoundedRunJvmProbe() {
    }

    /**
     * As the jar's main: hands the command to a second JVM or runs it here. "Running" it prints where, with the
     * JVM's arguments and pid, and exits 7 (0 with {@code --succeed}); with {@code --until-stopped} it waits for a
     * SIGTERM instead and says when its shutdown is done.
     */
    public static void main(String[] args) throws InterruptedException {
        int sessions = List.of(args).indexOf("--sessions");
        OptionalInt second = BoundedRunJvm.runInSecondJvm(BoundedRunJvmProbe.class, args,
                () -> sessions < 0 ? Optional.empty() : Optional.of(Path.of(args[sessions + 1])));
        if (second.isPresent()) {
            System.exit(second.getAsInt());
        }
        String where = Boolean.getBoolean("sessionfriction.bounded-run-jvm") ? "second jvm" : "first jvm";
        System.out.println(where + ": " + String.join(" ", args) + " " + ManagementFactory.getRuntimeMXBean().getInputArguments()
                + " pid " + ProcessHandle.current().pid());
        if (List.of(args).contains("--until-stopped")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // A shutdown that takes a while, as a replay deleting its topics does.
                sleep(500);
                System.out.println("second jvm stopped");
            }));
            Thread.sleep(Long.MAX_VALUE);
        }
        System.exit(List.of(args).contains("--succeed") ? 0 : 7);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
