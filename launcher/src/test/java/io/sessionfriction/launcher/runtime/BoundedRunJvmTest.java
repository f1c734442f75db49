package io.sessionfriction.launcher.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.testsupport.ClassLoadLogs;

/**
 * A replay, bench-processor or run that ends on its own runs again in a JVM that inlines less; every other
 * command, and a JVM with compiler settings, an agent or a recording of its own, runs where it was started.
 */
class BoundedRunJvmTest {

    private static final String JAVA = "/jdk/bin/java";
    private static final String MAIN = "io.sessionfriction.launcher.cli.Main";

    @Test
    void aReplayRunsAgainWithTheLeanInliningAfterTheJvmsOwnArguments() {
        assertThat(BoundedRunJvm.command(JAVA, List.of("-Xmx2g"), "app.jar", MAIN, new String[] {"replay", "--sessions", "in",
                "--out", "out"}, BoundedRunJvm.LEAN_INLINING)).containsExactly(JAVA, "-Xmx2g", "-XX:MaxInlineLevel=6",
                "-XX:InlineSmallCode=500", "-XX:FreqInlineSize=100", "-XX:MaxInlineSize=20",
                "-Dsessionfriction.bounded-run-jvm=true", "-cp", "app.jar", MAIN, "replay", "--sessions", "in", "--out", "out");
        assertThat(BoundedRunJvm.bounded(args("replay", "--sessions", "in"))).isTrue();
        assertThat(BoundedRunJvm.bounded(args("--config", "replay.properties", "bench-processor", "--corpus", "c"))).isTrue();
        assertThat(BoundedRunJvm.bounded(args("run", "--sessions", "samples"))).isTrue();
    }

    @Test
    void liveCommandsHelpAndNoCommandRunWhereTheyWereStarted() {
        assertThat(BoundedRunJvm.bounded(args("process", "--bootstrap-servers", "k:9092"))).isFalse();
        assertThat(BoundedRunJvm.bounded(args("run", "--follow", "--sessions", "replay"))).isFalse();
        assertThat(BoundedRunJvm.bounded(args("collect", "--sessions", "replay"))).isFalse();
        assertThat(BoundedRunJvm.bounded(args("--config", "replay"))).isFalse();
        assertThat(BoundedRunJvm.bounded(args("--help"))).isFalse();
        assertThat(BoundedRunJvm.bounded(args())).isFalse();
    }

    @Test
    void aJvmWithCompilerSettingsAnAgentOrARecordingOfItsOwnRunsTheReplayItself() {
        for (String own : List.of("-XX:MaxInlineLevel=9", "-XX:TieredStopAtLevel=1", "-XX:StartFlightRecording=filename=r.jfr",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:agent.jar")) {
            assertThat(BoundedRunJvm.runsItself(List.of("-Xmx1g", own))).as(own).isTrue();
        }
        assertThat(BoundedRunJvm.runsItself(List.of("-Xmx1g", "-Dsessionfriction.cache-dir=c"))).isFalse();
    }

    @Test
    void theSecondJvmGetsTheOptionsItsOutputAndItsExitCodeReachTheCaller() throws Exception {
        Child child = Child.run("replay", "--sessions", "in");

        assertThat(child.exitCode()).isEqualTo(7);
        assertThat(child.output()).contains("second jvm: replay --sessions in").contains("-XX:MaxInlineLevel=6", "-Xmx256m")
                .containsOnlyOnce("second jvm");
    }

    @Test
    void aSigtermToTheFirstJvmStopsTheSecondAndWaitsForItsShutdown(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("out.log");
        Process first = Child.start(ProcessBuilder.Redirect.to(log.toFile()), "replay", "--until-stopped");
        String started = firstLine(log);
        assertThat(started).startsWith("second jvm: replay --until-stopped");
        ProcessHandle second = ProcessHandle.of(Long.parseLong(started.replaceAll(".* pid ", ""))).orElseThrow();

        first.destroy();

        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("first JVM exited").isTrue();
        assertThat(Files.readAllLines(log)).containsExactly(started, "second jvm stopped");
        assertThat(second.isAlive()).isFalse();
    }

    @Test
    void aShortReplayRunsWithC1AloneAndMapsTheClassDataTheFirstOneWrote(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        // The same options for both runs (the archive belongs to them); each JVM logs where its classes came from.
        List<String> options = List.of("-Dsessionfriction.cache-dir=" + cache, ClassLoadLogs.option(dir));
        String[] replay = {"replay", "--sessions", smallSessions(dir).toString(), "--succeed"};
        String jar = Child.jar(dir);

        Child writes = Child.run(jar, options, replay);

        assertThat(writes.exitCode()).isZero();
        assertThat(writes.output()).contains("second jvm: replay", "-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=")
                .contains("its classes are archived in " + cache.resolve("class-data")).doesNotContain("MaxInlineLevel");
        List<Path> kept = entries(cache.resolve("class-data"));
        assertThat(kept).singleElement().satisfies(archive -> assertThat(archive.getFileName().toString())
                .matches("replay-[0-9a-f]+-[0-9a-f]+\\.[0-9]+\\.jsa"));
        assertThat(ClassLoadLogs.jvmsThatMapped(dir, BoundedRunJvmProbe.class.getName())).isZero();

        Child maps = Child.run(jar, options, replay);

        assertThat(maps.exitCode()).isZero();
        assertThat(maps.output()).contains("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + kept.get(0))
                .doesNotContain("ArchiveClassesAtExit", "archived in");
        assertThat(entries(cache.resolve("class-data"))).isEqualTo(kept);
        assertThat(ClassLoadLogs.jvmsThatMapped(dir, BoundedRunJvmProbe.class.getName()))
                .as("JVMs that loaded the probe from the archive").isOne();
    }

    @Test
    void aShortRunThatFailsKeepsNoArchive(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");

        Child fails = Child.run(Child.jar(dir), List.of("-Dsessionfriction.cache-dir=" + cache), "run", "--sessions",
                smallSessions(dir).toString());

        assertThat(fails.exitCode()).isEqualTo(7);
        assertThat(fails.output()).contains("second jvm: run", "-XX:ArchiveClassesAtExit=");
        assertThat(entries(cache.resolve("class-data"))).isEmpty();
    }

    @Test
    void aLargerReplayKeepsC2WithTheLeanInliningAndNoArchive(@TempDir Path dir) throws Exception {
        Path sessions = Files.createDirectories(dir.resolve("sessions").resolve("alice"));
        try (RandomAccessFile large = new RandomAccessFile(sessions.resolve("2026-02-01_big.jsonl").toFile(), "rw")) {
            large.setLength(ShortRun.MOST_BYTES + 1);
        }
        Path cache = dir.resolve("cache");

        Child child = Child.run(Child.jar(dir), List.of("-Dsessionfriction.cache-dir=" + cache), "replay", "--sessions",
                dir.resolve("sessions").toString(), "--succeed");

        assertThat(child.output()).contains("-XX:MaxInlineLevel=6").doesNotContain("TieredStopAtLevel", "Archive");
        assertThat(cache).doesNotExist();
    }

    @Test
    void anotherCommandRunsInTheFirstJvm() throws Exception {
        Child child = Child.run("process", "--bootstrap-servers", "k:9092");

        assertThat(child.exitCode()).isEqualTo(7);
        assertThat(child.output()).contains("first jvm: process --bootstrap-servers k:9092").doesNotContain("MaxInlineLevel");
    }

    private static String firstLine(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            if (!lines.isEmpty()) {
                return lines.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing printed in " + log);
    }

    private static String[] args(String... args) {
        return args;
    }

    private static Path smallSessions(Path dir) throws IOException {
        Path user = Files.createDirectories(dir.resolve("sessions").resolve("alice"));
        Files.writeString(user.resolve("2026-02-01_s1.jsonl"), "{\"type\":\"user\"}\n");
        return dir.resolve("sessions");
    }

    private static List<Path> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /**
     * {@link BoundedRunJvmProbe} in a JVM of its own, with this test's class path or {@link #jar one jar} of its
     * classes: it hands the command on or runs it.
     */
    private record Child(String output, int exitCode) {

        static Child run(String... args) throws IOException, InterruptedException {
            return run(System.getProperty("java.class.path"), List.of(), args);
        }

        static Child run(String classPath, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
            Process process = start(ProcessBuilder.Redirect.PIPE, classPath, jvmOptions, args);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
            return new Child(output, process.exitValue());
        }

        static Process start(ProcessBuilder.Redirect output, String... args) throws IOException {
            return start(output, System.getProperty("java.class.path"), List.of(), args);
        }

        static Process start(ProcessBuilder.Redirect output, String classPath, List<String> jvmOptions, String... args)
                throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classPath, BoundedRunJvmProbe.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            return builder.start();
        }

        /**
         * This module's classes and its test classes in one jar: the JVM archives classes from jars only, and the
         * probe needs nothing else.
         */
        static String jar(Path dir) throws IOException {
            Path jar = dir.resolve("probe.jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    Path root = Path.of(entry);
                    if (Files.isDirectory(root)) {
                        try (Stream<Path> files = Files.walk(root)) {
                            for (Path file : files.filter(Files::isRegularFile).toList()) {
                                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace(File.separatorChar, '/')));
                                out.write(Files.readAllBytes(file));
                                out.closeEntry();
                            }
                        }
                    }
                }
            }
            return jar.toString();
        }
    }
}
