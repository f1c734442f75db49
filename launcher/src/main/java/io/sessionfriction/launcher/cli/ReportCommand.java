package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.sessionfriction.launcher.cli.options.DraftOptions;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.replay.report.FrictionReport;
import io.sessionfriction.replay.report.ReplayData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Renders the friction report of a saved replay again, without Kafka: issue drafts of the points "
                + "that come back, "
                + "friction-points.json and a self-contained report.html.",
            "The same replay.json always gives byte-identical files."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--replay", paramLabel = "FILE|DIR", required = true,
            description = "A replay's replay.json, or the folder holding it.")
    Path replay;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the report (default: the folder of replay.json).")
    Path out;

    @Mixin
    DraftOptions drafts;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "YAML rules extending or overriding the shipped catalogue (their description and root cause are used).")
    Path rules;

    @Override
    public Integer call() {
        Path file = Files.isDirectory(replay) ? replay.resolve(ReplayData.FILE_NAME) : replay;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--replay: " + file.toAbsolutePath() + " does not exist (run replay first)");
        }
        Path target = out != null ? out : file.toAbsolutePath().getParent();
        FrictionReport report = FrictionReport.of(ReplayData.read(file), RuleCatalogue.load(Optional.ofNullable(rules)),
                drafts.policy());
        report.write(target);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%d friction points, %d drafted as issues; report in %s (%s, %s, %s/)%n", report.points().size(),
                report.drafted().size(), target,
                FrictionReport.HTML_FILE, FrictionReport.POINTS_FILE, FrictionReport.ISSUES_DIR);
        console.flush();
        return 0;
    }
}
