package io.sessionfriction.topology;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * An external program some tests run (Alertmanager, promtool, amtool): the path in a system property if
 * one is given, else the first of its names on {@code PATH}. A test skips, naming the program and the
 * package to install, where none is found.
 *
 * @param property      the system property that names the program's path
 * @param names         the names to look for on {@code PATH}, in order
 * @param debianPackage the package that installs it
 */
public record Executables(String property, List<String> names, String debianPackage) {

    public static final Executables ALERTMANAGER = new Executables("sessionfriction.alertmanager",
            List.of("alertmanager", "prometheus-alertmanager"), "prometheus-alertmanager");
    public static final Executables AMTOOL = new Executables("sessionfriction.amtool", List.of("amtool"), "prometheus-alertmanager");
    public static final Executables PROMTOOL = new Executables("sessionfriction.promtool", List.of("promtool"), "prometheus");

    /** What a program printed (stdout and stderr together) and how it exited. */
    public record Run(int exitCode, String output) {
    }

    public Optional<Path> find() {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        List<Path> folders = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isBlank()).map(Path::of).toList();
        return names.stream().flatMap(name -> folders.stream().map(folder -> folder.resolve(name)))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * The program, or a skip naming its package. Ask for it in each test that runs it, not in
     * {@code @BeforeAll}: a class skipped there leaves no trace in the test reports.
     */
    public Path require() {
        Optional<Path> found = find();
        assumeTrue(found.isPresent(), missing());
        return found.get();
    }

    /** The reason a test gives when it skips. */
    public String missing() {
        return String.join(" or ", names) + " not found on PATH (or -D" + property + "=FILE): install it with "
                + "`apt-get install -y " + debianPackage + "` (.ci/run does)";
    }

    /** Runs the program in {@code folder} and waits for it, for at most a minute; skips where it is missing. */
    public Run run(Path folder, String... args) throws IOException, InterruptedException {
        Path program = require();
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
