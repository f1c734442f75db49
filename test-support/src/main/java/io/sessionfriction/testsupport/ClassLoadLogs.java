package io.sessionfriction.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the classes of a run's JVMs came from: each JVM started with {@link #option} logs its class loading to
 * a file of its own in a folder, and {@link #jvmsThatMapped} counts those that took a class from an
 * application class-data archive rather than from its jar.
 */
public final class ClassLoadLogs {

    private static final String PREFIX = "classes-";

    private ClassLoadLogs() {
    }

    /** The JVM option that makes every JVM given it log its class loading into {@code dir}, one file per process. */
    public static String option(Path dir) {
        return "-Xlog:class+load=info:file=" + dir.resolve(PREFIX + "%p.log");
    }

    /** How many of the JVMs that logged into {@code dir} loaded {@code className} from the dynamic archive. */
    public static long jvmsThatMapped(Path dir, String className) {
        String line = className + " source: shared objects file (top)";
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> logs = files.filter(file -> file.getFileName().toString().startsWith(PREFIX)).toList();
            long count = 0;
            for (Path log : logs) {
                count += Files.readString(log).contains(line) ? 1 : 0;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
