package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The errors a user meets first: each stops the command before it starts anything, exits 2, says what
 * is wrong and where the value came from (a flag, an environment variable, the config file), and prints
 * no stack trace.
 */
class ErrorPathsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return executeWith(Map.of(), args);
    }

    private int executeWith(Map<String, String> environment, String... args) {
        CommandLine cli = Main.commandLine(args, environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void expectAClearError(int exit, String... mentions) {
        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains(mentions).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    void aBrokerThatDoesNotAnswerIsNamedAsUnreachableWithinTheClientsTimeout() {
        long started = System.nanoTime();

        int exit = execute("process", "--bootstrap-servers", "127.0.0.1:1", "--http-port", "0");

        expectAClearError(exit, "127.0.0.1:1", "unreachable", "--bootstrap-servers");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(45));
    }

    @Test
    void aNegativePartitionCountStopsRunBeforeItStartsABroker() {
        int exit = execute("run", "--partitions", "-3", "--sessions", dir.toString());

        expectAClearError(exit, "--partitions", "-3");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aConfigFileThatDoesNotExistIsABadValueOfConfig() {
        Path missing = dir.resolve("missing/pipeline.properties");

        int exit = execute("process", "--config", missing.toString(), "--bootstrap-servers", "localhost:9", "--http-port", "0");

        expectAClearError(exit, "--config", missing.toString());
    }

    @Test
    void aRulesFileThatDoesNotParseIsABadValueOfRules() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - id: [unclosed\n");

        int exit = execute("process", "--rules", rules.toString(), "--bootstrap-servers", "localhost:9", "--http-port", "0");

        expectAClearError(exit, "--rules", rules.toString());
    }

    @Test
    void anUnknownKeyInTheConfigFileIsAnError() throws IOException {
        Path config = Files.writeString(dir.resolve("pipeline.properties"), "inactivty-gap=15m\n");

        int exit = execute("process", "--config", config.toString(), "--bootstrap-servers", "localhost:9", "--http-port", "0");

        expectAClearError(exit, config.toString(), "inactivty-gap");
    }

    @Test
    void aBadValueFromAnEnvironmentVariableSaysItCameFromThere() {
        int exit = executeWith(Map.of("SESSION_FRICTION_ALLOWED_LATENESS", "a week"),
                "process", "--bootstrap-servers", "localhost:9", "--http-port", "0");

        expectAClearError(exit, "--allowed-lateness", "a week", "environment variable SESSION_FRICTION_ALLOWED_LATENESS");
    }

    @Test
    void aBadValueFromTheConfigFileSaysItCameFromTheFile() throws IOException {
        Path config = Files.writeString(dir.resolve("pipeline.properties"), "inactivity-gap=ten minutes\n");

        int exit = execute("process", "--config", config.toString(), "--bootstrap-servers", "localhost:9", "--http-port", "0");

        expectAClearError(exit, "--inactivity-gap", "ten minutes", config.toString());
    }
}
