package io.sessionfriction.launcher.runtime;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps HotSpot's optimising compiler (C2) out of a short replay. A replay runs the broker, the collector
 * and the topology in one fresh JVM; on two cores the compiler threads then take close to half of its CPU,
 * and a run of a few thousand events ends before C2's code pays that back. Excluding C2 made the samples'
 * pipeline 5.15 s to 4.2 s and the 100 MB corpus (28,286 events) 14.0 s to 11.0 s, while the 500 MB one
 * (141,460 events) was 5% slower and the 1 GB one a fifth slower without C2 (docs/benchmarks.md). So a
 * replay of at most {@link #MOST_EVENTS} events adds a compiler directive ({@code Compiler.directives_add},
 * the diagnostic command {@code jcmd} runs) that excludes every method from C2 for the rest of the process;
 * a larger one, or a JVM started with compiler settings of its own, is left as it is. The compiler serves the
 * whole process, so only a process the jar's own {@code main} started is changed: a test JVM that runs the
 * command among other tests keeps its compiler.
 */
public final class ShortRunCompilation {

    private static final Logger log = LoggerFactory.getLogger(ShortRunCompilation.class);

    /** Replays of up to this many events run without C2. */
    public static final long MOST_EVENTS = 50_000;

    private static final String NO_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private static volatile boolean ownProcess;

    private ShortRunCompilation() {
    }

    /** Says that this JVM runs one command and nothing else: the process's entry point calls it. */
    public static void allowInThisProcess() {
        ownProcess = true;
    }

    /** Excludes C2 when a run of {@code events} events is short enough; true when it did. */
    public static boolean applyFor(long events) {
        if (!ownProcess || events > MOST_EVENTS || CompilerSettings.givenIn(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
            return false;
        }
        try {
            Path directives = Files.createTempFile("session-friction-compiler-", ".json");
            try {
                Files.writeString(directives, NO_C2, StandardCharsets.UTF_8);
                ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "compilerDirectivesAdd", new Object[] {new String[] {directives.toString()}},
                        new String[] {String[].class.getName()});
            } finally {
                Files.deleteIfExists(directives);
            }
            log.debug("A replay of {} events: C2 excluded for this process", events);
            return true;
        } catch (Exception | LinkageError e) {
            // Another JVM, or one without the diagnostic command: the replay only runs at its usual speed.
            log.debug("Could not exclude C2 for a short replay: {}", e.toString());
            return false;
        }
    }
}
