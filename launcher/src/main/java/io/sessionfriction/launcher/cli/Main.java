package io.sessionfriction.launcher.cli;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.KafkaException;

import io.sessionfriction.launcher.cli.options.ConfigDefaults;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** The one exit point of the runnable jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The command line as tests and {@link #main} run it: flags over env vars over a config file over defaults. */
    public static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new SessionFrictionCli());
        cli.setDefaultValueProvider(ConfigDefaults.fromEnvironmentAndArgs(System.getenv(), args));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionStrategy(Main::checkedFirst);
        cli.setExecutionExceptionHandler(Main::failed);
        return cli;
    }

    /** Runs the command once its --kafka-config is read and checked, so a bad one fails before anything starts. */
    private static int checkedFirst(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        CommandLine command = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
        try {
            kafkaOptions(command).ifPresent(KafkaOptions::clientOverrides);
        } catch (RuntimeException e) {
            throw new ExecutionException(command, e.getMessage(), e);
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * How every command fails: bad input (a bad value, an unreadable file, a Kafka client that cannot be built
     * from the --kafka-config settings) exits 2 with its message, anything else 1 with its stack trace.
     */
    private static int failed(Exception e, CommandLine line, ParseResult parsed) {
        Exception failure = e instanceof KafkaException kafka ? ClientSettingsErrors.explain(kafka, clientSettings(line)) : e;
        boolean badInput = failure instanceof IllegalArgumentException || failure instanceof UncheckedIOException;
        line.getErr().println(line.getColorScheme().errorText("error: " + failure.getMessage()));
        if (!badInput) {
            failure.printStackTrace(line.getErr());
        }
        return badInput ? 2 : 1;
    }

    /** The --kafka-config settings of the command that failed: the explanation masks their values. */
    private static Map<String, Object> clientSettings(CommandLine command) {
        return kafkaOptions(command).map(KafkaOptions::clientOverrides).orElse(Map.of());
    }

    private static Optional<KafkaOptions> kafkaOptions(CommandLine command) {
        return command.getCommandSpec().mixins().values().stream().map(CommandSpec::userObject)
                .filter(KafkaOptions.class::isInstance).map(KafkaOptions.class::cast).findFirst();
    }
}
