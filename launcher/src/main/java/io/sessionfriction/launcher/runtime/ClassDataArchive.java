package io.sessionfriction.launcher.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The application class-data archive of a short run's second JVM (HotSpot's dynamic CDS archive). A short
 * replay spends about a second of its few loading and verifying the same ~9,600 classes every time; mapped
 * from an archive they cost almost nothing (docs/benchmarks.md). JDK 17 has no archive that makes itself, and
 * one built with the jar would belong to the path it was built at, so the first short run of a build writes it
 * at its exit ({@code -XX:ArchiveClassesAtExit}) into the user's cache and every later one maps it
 * ({@code -XX:SharedArchiveFile}). The archive is one per command, build, JVM and set of JVM options (system
 * properties aside): its name holds where they are and what they are, and it replaces the archive of an
 * earlier build at the same place when it is kept; of a command's archives the newest
 * {@value #KEPT_PER_COMMAND} stay. It is written under a temporary name and kept, named with its size, only
 * when the run that wrote it succeeded: the JVM crashes on an archive cut short, so a file whose size is not
 * the one in its name is deleted, never mapped. Only short runs use it: runs that keep C2 were slower with an
 * archive (measured, cause not found).
 *
 * <p>Only a class path of jars can be archived (the jar's is one jar).
 * {@code -Dsessionfriction.class-data-archive=false} turns it off; {@code -Dsessionfriction.cache-dir} moves it
 * from {@code $XDG_CACHE_HOME/session-friction} (or {@code ~/.cache/session-friction}). A JVM given class-data
 * options of its own keeps them and gets none of these.
 */
final class ClassDataArchive {

    static final String ENABLED_PROPERTY = "sessionfriction.class-data-archive";
    static final String CACHE_PROPERTY = "sessionfriction.cache-dir";

    private static final List<String> OWN_CLASS_DATA = List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
            "-Xshare", "-XX:SharedClassListFile", "-XX:DumpLoadedClassList", "-XX:+AutoCreateSharedArchive");
    // Writing an archive warns about each class it cannot hold (those of old class-file versions, generated
    // accessors); that is not the user's to act on.
    private static final String QUIET = "-Xlog:cds*=off";
    private static final String SUFFIX = ".jsa";
    /** Archives kept per command, the newest: one per jar path and set of JVM options in use, not one per experiment. */
    static final int KEPT_PER_COMMAND = 3;

    private final Path directory;
    private final String command;
    private final String place;
    private final String build;
    private final Optional<Path> kept;
    private final Path unfinished;

    private ClassDataArchive(Path directory, String command, String place, String build, Optional<Path> kept, Path unfinished) {
        this.directory = directory;
        this.command = command;
        this.place = place;
        this.build = build;
        this.kept = kept;
        this.unfinished = unfinished;
    }

    /**
     * The archive for {@code command} run with this JVM's properties and environment, or empty when it is
     * turned off, the JVM has class-data options of its own, or the cache cannot be made.
     */
    static Optional<ClassDataArchive> forRun(String command, List<String> jvmArguments, String classPath) {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            return Optional.empty();
        }
        try {
            Path cache = cacheDirectory(System.getProperty(CACHE_PROPERTY), System.getenv(), System.getProperty("user.home"));
            return forRun(cache, command, jvmArguments, classPath, System.getProperty("java.home"), System.getProperty("java.vm.version"));
        } catch (InvalidPathException e) {
            // A cache directory that is no path costs the run its archive, not the run.
            return Optional.empty();
        }
    }

    static Optional<ClassDataArchive> forRun(Path cache, String command, List<String> jvmArguments, String classPath,
            String javaHome, String vmVersion) {
        if (jvmArguments.stream().anyMatch(argument -> OWN_CLASS_DATA.stream().anyMatch(argument::startsWith))) {
            return Optional.empty();
        }
        Path directory = cache.resolve("class-data");
        List<String> entries = List.of(classPath.split(File.pathSeparator));
        // System properties do not change what the JVM can map, so runs that differ only in them share an archive.
        StringBuilder where = new StringBuilder(javaHome);
        jvmArguments.stream().filter(argument -> !argument.startsWith("-D")).forEach(argument -> where.append('\n').append(argument));
        StringBuilder what = new StringBuilder(vmVersion);
        for (String entry : entries) {
            Path path = Path.of(entry).toAbsolutePath();
            // The JVM refuses to start writing an archive for a class path with a folder of classes on it.
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            where.append('\n').append(path);
            try {
                what.append('\n').append(Files.size(path)).append(' ').append(Files.getLastModifiedTime(path).toMillis());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        String place = command + "-" + crc(where);
        String build = crc(what);
        try {
            Files.createDirectories(directory);
            Optional<Path> kept = keptArchive(directory, place + "-" + build + ".");
            Path unfinished = directory.resolve(place + "-" + build + "." + ProcessHandle.current().pid() + ".tmp");
            return Optional.of(new ClassDataArchive(directory, command, place, build, kept, unfinished));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The cache the archives go in: {@code -Dsessionfriction.cache-dir}, else the XDG cache, else {@code ~/.cache}. */
    static Path cacheDirectory(String own, Map<String, String> environment, String home) {
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache");
        return base.resolve("session-friction");
    }

    /** True when this run writes the archive at its exit, false when it maps one written before. */
    boolean writes() {
        return kept.isEmpty();
    }

    /** Where the archive is or will be kept. */
    Path directory() {
        return directory;
    }

    /** The second JVM's options: map the kept archive, or write one at exit. */
    List<String> jvmOptions() {
        return kept.map(archive -> List.of("-XX:SharedArchiveFile=" + archive, QUIET))
                .orElseGet(() -> List.of("-XX:ArchiveClassesAtExit=" + unfinished, QUIET));
    }

    /**
     * After the second JVM exited with {@code exitCode}: keeps the archive it wrote when it succeeded, in place
     * of the one an earlier build kept here, and deletes it otherwise.
     */
    void settle(int exitCode) {
        if (!writes()) {
            return;
        }
        try {
            if (exitCode != 0 || !Files.isRegularFile(unfinished) || Files.size(unfinished) == 0) {
                Files.deleteIfExists(unfinished);
                return;
            }
            Path archive = directory.resolve(place + "-" + build + "." + Files.size(unfinished) + SUFFIX);
            Files.move(unfinished, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // An earlier build's archive, and what a run killed while writing one left, are of no more use.
            for (Path earlier : files(directory, place + "-*")) {
                if (!earlier.equals(archive)) {
                    Files.deleteIfExists(earlier);
                }
            }
            List<Path> newestFirst = new ArrayList<>(files(directory, command + "-*" + SUFFIX));
            newestFirst.sort(Comparator.comparing(ClassDataArchive::modified).reversed());
            for (Path old : newestFirst.subList(Math.min(KEPT_PER_COMMAND, newestFirst.size()), newestFirst.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            deleteQuietly(unfinished);
        }
    }

    /** The archive kept for this build whose size is the one its name holds; one of another size is deleted. */
    private static Optional<Path> keptArchive(Path directory, String prefix) throws IOException {
        for (Path archive : files(directory, prefix + "*" + SUFFIX)) {
            String name = archive.getFileName().toString();
            String size = name.substring(prefix.length(), name.length() - SUFFIX.length());
            if (size.matches("[0-9]{1,18}") && Files.size(archive) == Long.parseLong(size)) {
                return Optional.of(archive);
            }
            Files.deleteIfExists(archive);
        }
        return Optional.empty();
    }

    private static List<Path> files(Path directory, String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, glob)) {
            files.forEach(found::add);
        }
        return found;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String crc(CharSequence text) {
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file costs disk only; the next run of this build writes its own.
        }
    }
}
