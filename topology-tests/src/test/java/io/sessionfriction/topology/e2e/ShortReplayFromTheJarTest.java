package io.sessionfriction.topology.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.testsupport.ClassLoadLogs;

/**
 * The runnable jar as a user starts it: a replay of the samples is short, so its second JVM runs without C2;
 * the first such replay of a build archives its classes when it ends, the next one maps them, and both write
 * the same report. Only a class path of jars can be archived, so this runs the jar {@code mvn package} builds
 * (in {@code mvn verify} the launcher's is built before this module's tests run).
 */
class ShortReplayFromTheJarTest {

    private static final Path JAR = Path.of("..", "launcher", "target", "session-friction.jar");
    private static final Path SAMPLES = Path.of("..", "samples", "sessions");
    private static final String COMMAND_LINE = "io.sessionfriction.launcher.cli.Main";

    @TempDir
    Path dir;

    @Test
    void theSecondShortReplayMapsTheClassesTheFirstArchivedAndWritesTheSameReport() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "needs the runnable jar, built by mvn package: " + JAR.toAbsolutePath());
        Path cache = dir.resolve("cache");
        // The same JVM options both times (the archive belongs to them); each JVM logs where its classes came from.
        List<String> options = List.of("-Dsessionfriction.cache-dir=" + cache, ClassLoadLogs.option(dir));

        String first = replay(options, dir.resolve("first"));

        assertThat(first).contains("its classes are archived in " + cache.resolve("class-data")).doesNotContain("ERROR", "warning");
        assertThat(files(cache.resolve("class-data"))).singleElement()
                .satisfies(archive -> assertThat(archive.getFileName().toString()).startsWith("replay-").endsWith(".jsa"));
        assertThat(ClassLoadLogs.jvmsThatMapped(dir, COMMAND_LINE)).isZero();

        String second = replay(options, dir.resolve("second"));

        assertThat(second).contains("Replayed 6 sessions").doesNotContain("archived", "ERROR", "warning");
        assertThat(ClassLoadLogs.jvmsThatMapped(dir, COMMAND_LINE)).as("JVMs that loaded the command line from the archive").isOne();
        assertThat(dir.resolve("second").resolve("replay.json")).hasSameBinaryContentAs(dir.resolve("first").resolve("replay.json"));
    }

    private static String replay(List<String> options, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-jar", JAR.toString(), "replay", "--sessions", SAMPLES.toString(), "--out", out.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process replay = builder.start();
        String output = new String(replay.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(replay.waitFor(120, TimeUnit.SECONDS)).as("replay finished").isTrue();
        assertThat(replay.exitValue()).as("exit code; output:%n%s", output).isZero();
        return output;
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
