package io.sessionfriction.launcher.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConfigDefaultsTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        KafkaOptions kafka;

        @Mixin
        ProcessorOptions processor;

        @CommandLine.Option(names = "--config")
        Path config;

        @Override
        public void run() {
        }
    }

    @TempDir
    Path dir;

    @Test
    void theDeclaredDefaultAppliesWhenNothingElseSetsAnOption() {
        Probe probe = parse(Map.of());

        assertThat(probe.kafka.partitions()).isEqualTo(3);
        assertThat(probe.processor.settings().inactivityGap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(probe.kafka.embedded()).isTrue();
    }

    @Test
    void aConfigFileOverridesTheDefault() throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.properties"), "inactivity-gap=15m\npartitions=6\n");

        Probe probe = parse(Map.of(), "--config", file.toString());

        assertThat(probe.processor.settings().inactivityGap()).isEqualTo(Duration.ofMinutes(15));
        assertThat(probe.kafka.partitions()).isEqualTo(6);
    }

    @Test
    void anEnvironmentVariableOverridesTheConfigFile() throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.properties"), "inactivity-gap=15m\n");

        Probe probe = parse(Map.of("SESSION_FRICTION_INACTIVITY_GAP", "20m"), "--config", file.toString());

        assertThat(probe.processor.settings().inactivityGap()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aFlagOverridesTheEnvironment() {
        Probe probe = parse(Map.of("SESSION_FRICTION_BOOTSTRAP_SERVERS", "env-broker:9092"),
                "--bootstrap-servers", "flag-broker:9092");

        assertThat(probe.kafka.bootstrapServers()).isEqualTo("flag-broker:9092");
        assertThat(probe.kafka.embedded()).isFalse();
    }

    @Test
    void theConfigFileMayBeNamedByTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("env.properties"), "bootstrap-servers=file-broker:9092\n");

        Probe probe = parse(Map.of("SESSION_FRICTION_CONFIG", file.toString()));

        assertThat(probe.kafka.bootstrapServers()).isEqualTo("file-broker:9092");
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        Path missing = dir.resolve("nope.properties");

        ConfigDefaults defaults = ConfigDefaults.fromEnvironmentAndArgs(Map.of(), new String[] {"--config", missing.toString()});

        assertThat(defaults.problems(List.of("--partitions"))).containsExactly("--config " + missing + ": no such file");
    }

    @Test
    void aValueFromTheEnvironmentOrTheFileSaysWhereItCameFrom() throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.properties"), "partitions=6\n");
        ConfigDefaults defaults = ConfigDefaults.fromEnvironmentAndArgs(Map.of("SESSION_FRICTION_INACTIVITY_GAP", "15m"),
                new String[] {"--config", file.toString()});
        CommandLine cli = new CommandLine(new Probe());

        assertThat(defaults.source(cli.getCommandSpec().findOption("--inactivity-gap")))
                .hasValue("environment variable SESSION_FRICTION_INACTIVITY_GAP");
        assertThat(defaults.source(cli.getCommandSpec().findOption("--partitions"))).hasValue("config file " + file + ", key partitions");
        assertThat(defaults.source(cli.getCommandSpec().findOption("--allowed-lateness"))).isEmpty();
    }

    @Test
    void envNamesFollowOneRule() {
        assertThat(ConfigDefaults.envName("--allowed-lateness")).isEqualTo("SESSION_FRICTION_ALLOWED_LATENESS");
    }

    private static Probe parse(Map<String, String> env, String... args) {
        Probe probe = new Probe();
        CommandLine cli = new CommandLine(probe);
        cli.setDefaultValueProvider(ConfigDefaults.fromEnvironmentAndArgs(env, args));
        cli.parseArgs(args);
        return probe;
    }
}
