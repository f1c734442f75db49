package io.sessionfriction.launcher.runtime;

import java.util.List;

/** Whether a JVM was started with settings of its own for its JIT compilers, which the launcher then leaves as they are. */
final class CompilerSettings {

    private static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel", "-XX:CompilerDirectivesFile",
            "-XX:-TieredCompilation", "-XX:CompileCommand", "-Xint", "-Xcomp");

    private CompilerSettings() {
    }

    static boolean givenIn(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(argument -> OPTIONS.stream().anyMatch(argument::startsWith));
    }
}
