package io.sessionfriction.launcher.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a processor keeps its local state (Kafka Streams' {@code state.dir}), and that this state belongs
 * to the cluster it runs against. Local state is a cache of the changelogs of one cluster: its checkpoints
 * are offsets in that cluster's topics. Against another cluster whose changelogs happen to be longer, Kafka
 * Streams takes it for valid and restores only the tail on top of it, and the old dedup ids make every new
 * event a "repeat". So:
 * <ul>
 *   <li>a long-running processor ({@link #lasting}) records the cluster id and application id it built its
 *       state from ({@value #IDENTITY_SUFFIX} beside the application's folder); state of another cluster, or of
 *       none recorded, is set aside (moved, never deleted) with a log line, and rebuilt from the changelogs;</li>
 *   <li>a run that ends on its own ({@link #ownFor}) gets a fresh folder, deleted when it closes.</li>
 * </ul>
 */
public final class StateDirectory implements AutoCloseable {

    /** A long-running processor's state directory unless --state-dir says otherwise (the XDG state home). */
    public static final Path DEFAULT = Path.of(System.getProperty("user.home"), ".local", "state", "session-friction");
    static final String IDENTITY_SUFFIX = ".cluster";
    private static final Logger log = LoggerFactory.getLogger(StateDirectory.class);

    private final Path path;
    private final boolean temporary;

    private StateDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** The directory {@code given} (or {@link #DEFAULT}), its application's state set aside unless it is {@code clusterId}'s. */
    public static StateDirectory lasting(Optional<Path> given, String clusterId, String applicationId, Clock clock) {
        Path dir = given.orElse(DEFAULT);
        try {
            Files.createDirectories(dir);
            Path state = dir.resolve(applicationId);
            Path identity = dir.resolve(applicationId + IDENTITY_SUFFIX);
            Optional<String> builtFrom = recordedCluster(identity);
            if (Files.isDirectory(state) && !builtFrom.equals(Optional.of(clusterId)) && !isEmpty(state)) {
                Path aside = dir.resolve(applicationId + ".set-aside-" + builtFrom.orElse("unknown-cluster") + "-"
                        + clock.instant().getEpochSecond());
                Files.move(state, aside);
                log.warn("State in {} was built from {}, not from cluster {}: set aside as {}; rebuilding it from the changelogs",
                        state, builtFrom.map(id -> "cluster " + id).orElse("an unrecorded cluster"), clusterId, aside);
            }
            record(identity, clusterId, applicationId);
            return new StateDirectory(dir, false);
        } catch (IOException e) {
            throw new UncheckedIOException("--state-dir " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A fresh folder of its own under {@code parent} (or the temporary directory), deleted on close. */
    public static StateDirectory ownFor(Optional<Path> parent) {
        try {
            Path dir = parent.isPresent()
                    ? Files.createTempDirectory(Files.createDirectories(parent.get()), "session-friction-run-")
                    : Files.createTempDirectory("session-friction-run-");
            return new StateDirectory(dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state directory" + parent.map(p -> " in " + p).orElse("")
                    + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    private static Optional<String> recordedCluster(Path identity) throws IOException {
        if (!Files.exists(identity)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(identity)) {
            props.load(reader);
        }
        return Optional.ofNullable(props.getProperty("cluster.id"));
    }

    private static void record(Path identity, String clusterId, String applicationId) throws IOException {
        Properties props = new Properties();
        props.setProperty("cluster.id", clusterId);
        props.setProperty("application.id", applicationId);
        try (Writer writer = Files.newBufferedWriter(identity)) {
            props.store(writer, "The Kafka cluster this application's state in this folder was built from");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Deletes a run's own folder; a lasting one stays. */
    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the run's state directory {}: {}", path, e.toString());
        }
    }
}
