package io.sessionfriction.launcher.cli;

import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.kafka.common.KafkaException;

import io.sessionfriction.launcher.cli.options.CollectorOptions;
import io.sessionfriction.launcher.cli.options.ConfigDefaults;
import io.sessionfriction.kafka.BrokerUnreachableException;
import io.sessionfriction.launcher.runtime.BoundedRunJvm;
import io.sessionfriction.launcher.runtime.ShortRunCompilation;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.ProcessorOptions;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The one exit point of the runnable jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        OptionalInt secondJvm = BoundedRunJvm.runInSecondJvm(Main.class, args, () -> sessionsFolder(args, System.getenv()));
        if (secondJvm.isPresent()) {
            System.exit(secondJvm.getAsInt());
        }
        ShortRunCompilation.allowInThisProcess();
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The {@code --sessions} folder {@code args} give, by the rule every option follows (flag, environment,
     * config file, default), read before anything of the command line is loaded; empty when it is no path.
     */
    static Optional<Path> sessionsFolder(String[] args, Map<String, String> environment) {
        String option = "--sessions";
        String folder = ConfigDefaults.flagValue(args, option).orElseGet(() -> ConfigDefaults.fromEnvironmentAndArgs(environment, args)
                .value(option).orElse(CollectorOptions.SAMPLE_SESSIONS));
        try {
            return Optional.of(Path.of(folder));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The command line as tests and {@link #main} run it: flags over env vars over a config file over defaults. */
    public static CommandLine commandLine(String[] args) {
        return commandLine(args, System.getenv());
    }

    /** With the environment given, as tests give it. */
    public static CommandLine commandLine(String[] args, Map<String, String> environment) {
        CommandLine cli = new CommandLine(new SessionFrictionCli());
        ConfigDefaults defaults = ConfigDefaults.fromEnvironmentAndArgs(environment, args);
        cli.setDefaultValueProvider(defaults);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionStrategy(Main::checkedFirst);
        cli.setParameterExceptionHandler((e, arguments) -> badValue(e, arguments, defaults));
        cli.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line, defaults));
        return cli;
    }

    /**
     * Runs the command once everything it was given is read and checked (the config file, --kafka-config, the
     * processor's values and files), so a bad one fails before anything starts.
     */
    private static int checkedFirst(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        CommandLine command = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
        try {
            ConfigDefaults defaults = (ConfigDefaults) command.getDefaultValueProvider();
            List<String> problems = defaults.problems(everyLongOption(parsed.commandSpec().root()));
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            kafkaOptions(command).ifPresent(KafkaOptions::clientOverrides);
            mixin(command, ProcessorOptions.class).ifPresent(ProcessorOptions::check);
        } catch (RuntimeException e) {
            throw new ExecutionException(command, e.getMessage(), e);
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static List<String> everyLongOption(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        spec.options().forEach(option -> names.add(option.longestName()));
        spec.subcommands().values().forEach(sub -> names.addAll(everyLongOption(sub.getCommandSpec())));
        return names;
    }

    /** A value an option refuses: its message, where the value came from when not from a flag, and no usage dump. */
    private static int badValue(ParameterException e, String[] args, ConfigDefaults defaults) {
        String message = e.getMessage();
        if (e.getArgSpec() instanceof OptionSpec option && !givenAsFlag(option, args)) {
            message += defaults.source(option).map(source -> " (from " + source + ")").orElse("");
        }
        CommandLine line = e.getCommandLine();
        line.getErr().println(line.getColorScheme().errorText("error: " + message));
        line.getErr().println("Run '" + line.getCommandSpec().qualifiedName() + " --help' for the options.");
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static boolean givenAsFlag(OptionSpec option, String[] args) {
        for (String arg : args) {
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * How every command fails: bad input (a bad value, an unreadable file, a Kafka client that cannot be built
     * from the --kafka-config settings) exits 2 with its message, anything else 1 with its stack trace.
     */
    private static int failed(Exception e, CommandLine line, ConfigDefaults defaults) {
        Exception failure = e instanceof KafkaException kafka ? ClientSettingsErrors.explain(kafka, clientSettings(line)) : e;
        boolean badInput = failure instanceof IllegalArgumentException || failure instanceof UncheckedIOException
                || failure instanceof BrokerUnreachableException;
        String message = failure instanceof BrokerUnreachableException ? unreachable(failure, line, defaults) : failure.getMessage();
        line.getErr().println(line.getColorScheme().errorText("error: " + message));
        if (!badInput) {
            failure.printStackTrace(line.getErr());
        }
        return badInput ? 2 : 1;
    }

    /** An address nobody answers at is a bad value of --bootstrap-servers: said so, with where it came from. */
    private static String unreachable(Exception failure, CommandLine line, ConfigDefaults defaults) {
        OptionSpec option = line.getCommandSpec().findOption("--bootstrap-servers");
        String source = option == null ? "" : defaults.source(option).map(s -> " (from " + s + ")").orElse("");
        return "--bootstrap-servers" + source + ": " + failure.getMessage();
    }

    /** The --kafka-config settings of the command that failed: the explanation masks their values. */
    private static Map<String, Object> clientSettings(CommandLine command) {
        return kafkaOptions(command).map(KafkaOptions::clientOverrides).orElse(Map.of());
    }

    private static Optional<KafkaOptions> kafkaOptions(CommandLine command) {
        return mixin(command, KafkaOptions.class);
    }

    private static <T> Optional<T> mixin(CommandLine command, Class<T> type) {
        return command.getCommandSpec().mixins().values().stream().map(CommandSpec::userObject)
                .filter(type::isInstance).map(type::cast).findFirst();
    }
}
