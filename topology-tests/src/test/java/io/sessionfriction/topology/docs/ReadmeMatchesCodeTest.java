package io.sessionfriction.topology.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.launcher.cli.Main;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.rules.Rule;
import io.sessionfriction.processor.rules.RuleCatalogue;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README is the user's contract: every topic, every shipped rule and every option is in it. */
class ReadmeMatchesCodeTest {

    private static String readme;

    @BeforeAll
    static void readReadme() throws IOException {
        readme = Files.readString(Path.of("..", "README.md"));
    }

    @Test
    void everyTopicIsDocumented() {
        Stream<String> topics = Stream.concat(Topics.ALL.stream().map(Topics.Topic::name), Stream.of(CollectorConfig.OFFSETS_TOPIC));

        assertThat(topics).allSatisfy(topic -> assertThat(readme).contains("`" + topic + "`"));
    }

    @Test
    void everyShippedRuleIsDocumented() {
        List<String> ids = RuleCatalogue.defaults().rules().stream().map(Rule::id).toList();

        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(readme).contains("| `" + id + "` |"));
    }

    @Test
    void everyOptionOfEveryCommandIsDocumented() {
        Map<String, CommandLine> commands = Main.commandLine(new String[0]).getSubcommands();

        assertThat(commands).containsKeys("run", "collect", "process", "generate-samples");
        commands.forEach((name, command) -> {
            if (name.equals("help")) {
                return;
            }
            assertThat(readme).as("command %s", name).contains("`" + name + "`");
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (!option.usageHelp() && !option.versionHelp()) {
                    assertThat(readme).as("option %s of %s", option.longestName(), name).contains("`" + option.longestName());
                }
            }
        });
    }
}
