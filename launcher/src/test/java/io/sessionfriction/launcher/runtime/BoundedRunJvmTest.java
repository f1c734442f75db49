package io.sessionfriction.launcher.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay, bench-processor or run that ends on its own runs again in a JVM that inlines less; every other
 * command, and a JVM with compiler settings, an agent or a recording of its own, runs where it was started.
 */
class BoundedRunJvmTest {

    private static final String JAVA = "/jdk/bin/java";
    private static final String MAIN = "io.sessionfriction.launcher.cli.Main";

    @Test
    void aReplayRunsAgainWithTheLeanInliningAfterTheJvmsOwnArguments() {
        assertThat(command(List.of("-Xmx2g"), "replay", "--sessions", "in", "--out", "out")).contains(List.of(JAVA, "-Xmx2g",
                "-XX:MaxInlineLevel=6", "-XX:InlineSmallCode=500", "-XX:FreqInlineSize=100", "-XX:MaxInlineSize=20",
                "-Dsessionfriction.bounded-run-jvm=true", "-cp", "app.jar", MAIN, "replay", "--sessions", "in", "--out", "out"));
        assertThat(command(List.of(), "--config", "replay.properties", "bench-processor", "--corpus", "c")).isPresent();
        assertThat(command(List.of(), "run", "--sessions", "samples")).isPresent();
    }

    @Test
    void liveCommandsHelpAndNoCommandRunWhereTheyWereStarted() {
        assertThat(command(List.of(), "process", "--bootstrap-servers", "k:9092")).isEmpty();
        assertThat(command(List.of(), "run", "--follow", "--sessions", "replay")).isEmpty();
        assertThat(command(List.of(), "collect", "--sessions", "replay")).isEmpty();
        assertThat(command(List.of(), "--config", "replay")).isEmpty();
        assertThat(command(List.of(), "--help")).isEmpty();
        assertThat(command(List.of())).isEmpty();
    }

    @Test
    void aJvmWithCompilerSettingsAnAgentOrARecordingOfItsOwnRunsTheReplayItself() {
        for (String own : List.of("-XX:MaxInlineLevel=9", "-XX:TieredStopAtLevel=1", "-XX:StartFlightRecording=filename=r.jfr",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:agent.jar")) {
            assertThat(command(List.of("-Xmx1g", own), "replay", "--sessions", "in")).as(own).isEmpty();
        }
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

    private static Optional<List<String>> command(List<String> jvmArguments, String... args) {
        return BoundedRunJvm.command(JAVA, jvmArguments, "app.jar", MAIN, args);
    }

    /** {@link #main} in a JVM of its own, with this test's class path: it hands the command on or runs it. */
    private record Child(String output, int exitCode) {

        static Child run(String... args) throws IOException, InterruptedException {
            Process process = start(ProcessBuilder.Redirect.PIPE, args);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
            return new Child(output, process.exitValue());
        }

        static Process start(ProcessBuilder.Redirect output, String... args) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    BoundedRunJvmTest.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            return builder.start();
        }
    }

    /**
     * As the jar's main: hands the command to a second JVM or runs it here. "Running" it prints where, with the
     * JVM's arguments and pid, and exits 7; with {@code --until-stopped} it waits for a SIGTERM instead and says
     * when its shutdown is done.
     */
    public static void main(String[] args) throws InterruptedException {
        OptionalInt second = BoundedRunJvm.runInSecondJvm(BoundedRunJvmTest.class, args);
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
        System.exit(7);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
