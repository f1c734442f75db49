package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Picocli formats help texts as {@link String#format} patterns: a text it cannot format (a lone {@code %})
 * is printed raw after a warning, its {@code %n} line breaks unreplaced.
 */
final class EveryHelpTextTest {

    @Test
    void everyCommandsHelpTextIsAFormatPicocliCanWrite() {
        List<String> unformattable = new ArrayList<>();
        CommandLine cli = Main.commandLine(new String[0]);
        Stream.concat(Stream.of(cli), cli.getSubcommands().values().stream()).map(CommandLine::getCommandSpec)
                .forEach(spec -> texts(spec).forEach(text -> {
                    try {
                        String.format(text);
                    } catch (IllegalFormatException e) {
                        unformattable.add(spec.qualifiedName() + ": " + text);
                    }
                }));

        assertThat(unformattable).isEmpty();
        assertThat(cli.getSubcommands().get("bench-soak").getUsageMessage(CommandLine.Help.Ansi.OFF)).contains("within 10% of");
    }

    private static List<String> texts(CommandSpec spec) {
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().header()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(List.of(arg.description()));
        }
        return texts;
    }
}
