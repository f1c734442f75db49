package io.sessionfriction.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "session-friction",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Turns Claude Code session transcripts into friction alerts with Kafka and Kafka Streams.",
            "",
            "Every option can also be set by environment variable (--bootstrap-servers -> "
                    + "SESSION_FRICTION_BOOTSTRAP_SERVERS) or by key in the --config properties file "
                    + "(bootstrap-servers=...). Precedence: flag, environment, file, default."},
        subcommands = {
            RunCommand.class,
            CollectCommand.class,
            ProcessCommand.class,
            NotifyCommand.class,
            GenerateSamplesCommand.class,
            ReplayCommand.class,
            ReportCommand.class,
            EvaluateCommand.class,
            BenchLatencyCommand.class,
            BenchCollectorCommand.class,
            BenchSoakCommand.class,
            BenchProcessorCommand.class,
            picocli.CommandLine.HelpCommand.class})
final class SessionFrictionCli {

    @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Properties file of option defaults (keys are long option names without dashes).")
    java.nio.file.Path config;
}
