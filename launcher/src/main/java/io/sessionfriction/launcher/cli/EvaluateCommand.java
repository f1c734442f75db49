package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.sessionfriction.evaluation.Evaluation;
import io.sessionfriction.evaluation.FrictionKinds;
import io.sessionfriction.evaluation.Labels;
import io.sessionfriction.evaluation.ScoreTable;
import io.sessionfriction.evaluation.Scores;
import io.sessionfriction.launcher.cli.options.CollectorOptions;
import io.sessionfriction.launcher.runtime.Progress;
import io.sessionfriction.processor.rules.RuleCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores the rules against labelled transcripts: per rule, the precision of its alerts and "
                + "the recall of the friction it reports; per friction kind, the share any rule found.",
            "Each session goes through the processor's topology in memory, without Kafka. "
                    + "docs/friction-guide.md says how lines are labelled."})
final class EvaluateCommand implements Callable<Integer> {

    static final String SAMPLE_LABELS = "evaluation/labels/samples.yaml";

    @Spec
    CommandSpec spec;

    @Option(names = "--sessions", paramLabel = "DIR", defaultValue = CollectorOptions.SAMPLE_SESSIONS,
            description = "Sessions root the labels' paths are relative to (default: ${DEFAULT-VALUE}).")
    Path sessions;

    @Option(names = "--labels", paramLabel = "FILE", defaultValue = SAMPLE_LABELS,
            description = "Labels of those sessions' lines, YAML (default: ${DEFAULT-VALUE}, the samples' labels).")
    Path labels;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "YAML rules extending or overriding the shipped catalogue: score them instead.")
    Path rules;

    @Option(names = "--details",
            description = "Also list every false alert and every missed friction line, with the label's reason.")
    boolean details;

    @Override
    public Integer call() {
        if (!Files.isDirectory(sessions)) {
            throw new IllegalArgumentException("--sessions: " + sessions.toAbsolutePath() + " is not a directory");
        }
        if (!Files.isRegularFile(labels)) {
            throw new IllegalArgumentException("--labels: " + labels.toAbsolutePath() + " does not exist");
        }
        FrictionKinds kinds = FrictionKinds.shipped();
        Labels labelled = Labels.read(labels, kinds);
        Progress[] progress = new Progress[1];
        Scores scores = Evaluation.score(sessions, labelled, RuleCatalogue.load(Optional.ofNullable(rules)), kinds,
                (done, total) -> {
                    if (progress[0] == null) {
                        progress[0] = Progress.ofSessions("evaluate", total);
                    }
                    progress[0].update(done, "");
                });
        if (progress[0] != null) {
            progress[0].done();
        }
        PrintWriter console = spec.commandLine().getOut();
        console.print(ScoreTable.render(scores, details));
        console.flush();
        return 0;
    }
}
