package io.sessionfriction.launcher.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.processor.ProcessorSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** An option left alone means what the settings mean by default, and the help says so as people write it. */
class OptionDefaultsTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        CollectorOptions collector;

        @Mixin
        ProcessorOptions processor;

        @Override
        public void run() {
        }
    }

    @TempDir
    Path sessions;

    @Test
    void processorOptionsLeftAloneAreTheProcessorsDefaults() {
        assertThat(parse().processor.settings()).isEqualTo(ProcessorSettings.defaults());
    }

    @Test
    void collectorOptionsLeftAloneAreTheCollectorsDefaults() {
        CollectorConfig config = parse("--sessions", sessions.toString()).collector.toConfig("broker:9092", Map.of());

        assertThat(config).isEqualTo(CollectorConfig.defaults(sessions, "broker:9092"));
    }

    @Test
    void theHelpShowsEachDefaultAsItIsTyped() {
        String help = new CommandLine(new Probe()).getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");

        assertThat(help).contains("(default: 10m)", "(default: 7d)", "(default: 1s)", "(default: 3s)", "(default: 30s)",
                "(default: session-friction-collector)", "(default: session-friction-processor)", "(default: samples/sessions)");
    }

    private static Probe parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe;
    }
}
