package io.sessionfriction.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The team's folder beside the project (its real transcripts), which a user's clone does not have.
 * Its location is one setting, the system property {@value #PROPERTY} (default {@value #DEFAULT}, read
 * against the project root); every test that reads it goes through here, so where it is absent those
 * tests are skipped with the reason, never failed and never passed without looking.
 */
public final class SharedData {

    public static final String PROPERTY = "sessionfriction.shared";
    public static final String DEFAULT = "../shared";
    /** The JUnit tag of tests that read the real transcripts, so CI can run them alone against an empty folder. */
    public static final String TAG = "real-sessions";

    private SharedData() {
    }

    /** The real transcripts ({@code data/real-sessions}); the calling test is skipped, naming the folder, if absent. */
    public static Path realSessions() {
        Path folder = folder().resolve("data/real-sessions").normalize();
        assumeTrue(Files.isDirectory(folder), () -> folder + " is absent: the team's real transcripts are not beside "
                + "this checkout (-D" + PROPERTY + "=DIR names the folder that holds data/real-sessions)");
        return folder;
    }

    /** The shared folder as configured, whether or not it exists. */
    public static Path folder() {
        Path configured = Path.of(System.getProperty(PROPERTY, DEFAULT));
        return configured.isAbsolute() ? configured : projectRoot().resolve(configured).toAbsolutePath().normalize();
    }

    /**
     * The checkout's top folder: tests run in their module's folder, and the setting is relative to the
     * project, so the nearest folder up holding the CI entry point and a pom is the root.
     */
    static Path projectRoot() {
        Path start = Path.of("").toAbsolutePath();
        return Stream.iterate(start, Objects::nonNull, Path::getParent)
                .filter(dir -> Files.isRegularFile(dir.resolve(".ci/run")) && Files.isRegularFile(dir.resolve("pom.xml")))
                .findFirst()
                .orElse(start);
    }
}
