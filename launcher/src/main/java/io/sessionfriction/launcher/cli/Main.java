package io.sessionfriction.launcher.cli;

import io.sessionfriction.launcher.cli.options.ConfigDefaults;
import picocli.CommandLine;

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
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            boolean badInput = e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException;
            line.getErr().println(line.getColorScheme().errorText("error: " + e.getMessage()));
            if (!badInput) {
                e.printStackTrace(line.getErr());
            }
            return badInput ? 2 : 1;
        });
        return cli;
    }
}
