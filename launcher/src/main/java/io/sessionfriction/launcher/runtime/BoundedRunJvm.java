package io.sessionfriction.launcher.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a bounded pipeline command ({@code replay}, {@code bench-processor}, {@code run} without
 * {@code --follow}) in a second JVM whose optimising compiler (C2) inlines less deeply. Such a run carries the
 * broker, the collector and the topology in one fresh JVM, and on 2 cores C2 compiling their ~2,500 hot
 * methods took 24 of a 500 MB replay's 80 CPU seconds, more than the stream thread; most of that goes into
 * inlining deep call trees, which a run of minutes does not earn back (docs/benchmarks.md: with shallower
 * inlining the 1 GB replay took 64 s instead of 85, 112 CPU seconds instead of 157). {@code java -jar} cannot give a JVM options, and the inlining limits cannot
 * change once it runs, so the jar's {@code main} starts the command again with them and passes its exit
 * code on. A short one ({@link ShortRun}: a replay or run over at most 64 MB of sessions) gets no C2 at all
 * instead, and its classes from an archive ({@link ClassDataArchive}): most of its seconds went into compiling
 * and loading code it runs a few hundred times. Every other command stays in the first JVM: a live
 * {@code process}, {@code collect} or {@code run --follow} earns back every compile in its days of running.
 *
 * <p>A JVM started with compiler settings, an agent or a flight recording of its own runs the command
 * itself: what it measures or debugs is then the run, not a parent waiting for it.
 */
public final class BoundedRunJvm {

    /** The C2 limits of the second JVM; the JDK 17 defaults are 15, 2500, 325 and 35. */
    static final List<String> LEAN_INLINING = List.of("-XX:MaxInlineLevel=6", "-XX:InlineSmallCode=500",
            "-XX:FreqInlineSize=100", "-XX:MaxInlineSize=20");
    /** A short run's second JVM compiles with C1 alone ({@link ShortRun}) and maps its classes from an archive. */
    static final List<String> SHORT_RUN = List.of("-XX:TieredStopAtLevel=1");

    private static final Set<String> BOUNDED_COMMANDS = Set.of("replay", "bench-processor");
    private static final String SECOND_JVM = "sessionfriction.bounded-run-jvm";
    private static final List<String> RUNS_ITSELF = List.of("-XX:MaxInlineLevel", "-XX:InlineSmallCode",
            "-XX:FreqInlineSize", "-XX:MaxInlineSize", "-XX:StartFlightRecording", "-javaagent", "-agentlib", "-agentpath");

    private BoundedRunJvm() {
    }

    /**
     * Runs {@code main} with {@code args} in a second JVM when they name a bounded command and this JVM may
     * hand it on; its exit code, or empty when the command is to run here (also when the second JVM cannot
     * start).
     */
    public static OptionalInt runInSecondJvm(Class<?> main, String[] args, Supplier<Optional<Path>> sessions) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (Boolean.getBoolean(SECOND_JVM) || !Files.isExecutable(java) || runsItself(jvmArguments) || !bounded(args)) {
            return OptionalInt.empty();
        }
        String classPath = System.getProperty("java.class.path");
        boolean shortRun = ShortRun.guess(args, sessions);
        Optional<ClassDataArchive> archive = shortRun
                ? ClassDataArchive.forRun(subcommand(args).orElseThrow(), jvmArguments, classPath)
                : Optional.empty();
        List<String> compilation = new ArrayList<>(shortRun ? SHORT_RUN : LEAN_INLINING);
        archive.ifPresent(classData -> compilation.addAll(classData.jvmOptions()));
        archive.filter(ClassDataArchive::writes).ifPresent(classData -> System.err.printf(
                "The first short run of this build: its classes are archived in %s when it ends (some seconds, once), "
                        + "so later ones start faster (-D%s=false turns this off)%n", classData.directory(),
                ClassDataArchive.ENABLED_PROPERTY));
        ProcessBuilder builder = new ProcessBuilder(command(java.toString(), jvmArguments, classPath, main.getName(), args,
                compilation)).inheritIO();
        // Their options are among this JVM's arguments, which the second JVM is given.
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process second;
        try {
            second = builder.start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        // A SIGTERM or Ctrl-C to this JVM stops the run as it would have stopped here: the second JVM gets the
        // SIGTERM, and this one exits only after it, so no run outlives the process its caller stops.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            second.destroy();
            int stopped = awaitExit(second);
            archive.ifPresent(classData -> classData.settle(stopped));
        }, "bounded-run-jvm-stop"));
        int exitCode = awaitExit(second);
        archive.ifPresent(classData -> classData.settle(exitCode));
        return OptionalInt.of(exitCode);
    }

    /** The second JVM's command line: this JVM's arguments, then {@code compilation}'s. */
    static List<String> command(String java, List<String> jvmArguments, String classPath, String mainClass, String[] args,
            List<String> compilation) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmArguments);
        command.addAll(compilation);
        command.addAll(List.of("-D" + SECOND_JVM + "=true", "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Whether a JVM started with these arguments runs a bounded command itself. */
    static boolean runsItself(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(argument -> RUNS_ITSELF.stream().anyMatch(argument::startsWith))
                || CompilerSettings.givenIn(jvmArguments);
    }

    /** Whether {@code args} name a command that ends on its own and so runs in a second JVM. */
    static boolean bounded(String[] args) {
        Optional<String> command = subcommand(args);
        return command.map(BOUNDED_COMMANDS::contains).orElse(false)
                || command.filter("run"::equals).isPresent() && !List.of(args).contains("--follow");
    }

    /** The command {@code args} name: the first argument that is neither an option nor {@code --config}'s value. */
    static Optional<String> subcommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return Optional.of(args[i]);
            }
        }
        return Optional.empty();
    }

    private static int awaitExit(Process process) {
        boolean interrupted = false;
        while (true) {
            try {
                int code = process.waitFor();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return code;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
}
