package io.sessionfriction.topology;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the external programs some tests run (Alertmanager, promtool, amtool): the path in a system property
 * if one is given, else the first of the names on {@code PATH}. A test skips, naming the program and the
 * package to install, where none is found.
 */
public final class Executables {

    private Executables() {
    }

    public static Optional<Path> find(String property, List<String> names) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        List<Path> folders = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isBlank()).map(Path::of).toList();
        return names.stream().flatMap(name -> folders.stream().map(folder -> folder.resolve(name)))
                .filter(Files::isExecutable).findFirst();
    }

    /** The reason a test gives when it skips. */
    public static String missing(String property, List<String> names, String debianPackage) {
        return String.join(" or ", names) + " not found on PATH (or -D" + property + "=FILE): install it with "
                + "`apt-get install -y " + debianPackage + "` (.ci/run does)";
    }

    /** What a program printed (stdout and stderr together) and how it exited. */
    public record Run(int exitCode, String output) {
    }

    /** Runs {@code program} in {@code folder} and waits for it, for at most a minute. */
    public static Run run(Path folder, Path program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile(program.getFileName().toString(), ".out");
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in a minute");
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
