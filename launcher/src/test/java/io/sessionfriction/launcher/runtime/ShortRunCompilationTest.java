package io.sessionfriction.launcher.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

/**
 * A short replay keeps C2 out of its process; a long one, or a JVM with compiler settings of its own, keeps
 * the JVM as it is. The directive lasts as long as the process, so it is added in a JVM of its own, never in
 * the one running the tests.
 */
class ShortRunCompilationTest {

    @Test
    void aReplayOfAFewThousandEventsExcludesEveryMethodFromC2() throws Exception {
        Child child = Child.run(String.valueOf(457));

        // The JVM's own default directive excludes nothing: an exclusion in force is the one added.
        assertThat(child.output()).startsWith("applied=true").contains("Directive: (default)")
                .containsPattern("(?s)Directive:\\s+matching: \\*\\.\\*.*c2 directives:.*Exclude:true");
        assertThat(child.exitCode()).isZero();
    }

    @Test
    void aReplayLongEnoughForC2LeavesTheCompilerAsItIs() throws Exception {
        Child child = Child.run(String.valueOf(ShortRunCompilation.MOST_EVENTS + 1));

        assertThat(child.output()).startsWith("applied=false").contains("Directive: (default)").doesNotContain("Exclude:true");
        assertThat(child.exitCode()).isZero();
    }

    @Test
    void aJvmThatRunsTheCommandAmongOtherWorkKeepsItsCompiler() throws Exception {
        Child child = Child.run(List.of(), "457", "shared");

        assertThat(child.output()).startsWith("applied=false").contains("Directive: (default)").doesNotContain("Exclude:true");
    }

    @Test
    void aJvmStartedWithCompilerSettingsOfItsOwnIsLeftAlone() throws Exception {
        Child child = Child.run(List.of("-XX:TieredStopAtLevel=1"), "457");

        assertThat(child.output()).startsWith("applied=false").contains("Directive: (default)").doesNotContain("Exclude:true");
        assertThat(CompilerSettings.givenIn(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1"))).isTrue();
        assertThat(CompilerSettings.givenIn(List.of("-Xmx1g", "-Dfile.encoding=UTF-8"))).isFalse();
    }

    /** Runs {@link #main} in a JVM of its own, with this test's class path. */
    private record Child(String output, int exitCode) {

        static Child run(String events) throws IOException, InterruptedException {
            return run(List.of(), events);
        }

        static Child run(List<String> jvmOptions, String events) throws IOException, InterruptedException {
            return run(jvmOptions, events, "own");
        }

        static Child run(List<String> jvmOptions, String events, String owner) throws IOException, InterruptedException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new java.util.ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ShortRunCompilationTest.class.getName(), events, owner));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
            return new Child(output, process.exitValue());
        }
    }

    /**
     * In the child JVM: as the jar's main does when {@code args[1]} is {@code own}, applies the policy for
     * {@code args[0]} events, then prints the directives in force.
     */
    public static void main(String[] args) throws Exception {
        if (args[1].equals("own")) {
            ShortRunCompilation.allowInThisProcess();
        }
        boolean applied = ShortRunCompilation.applyFor(Long.parseLong(args[0]));
        Object directives = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        System.out.println("applied=" + applied);
        System.out.println(directives);
    }
}
