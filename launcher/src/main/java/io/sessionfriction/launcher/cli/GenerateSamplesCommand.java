package io.sessionfriction.launcher.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import io.sessionfriction.launcher.runtime.Progress;
import io.sessionfriction.samples.SampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate-samples", mixinStandardHelpOptions = true,
        description = {"Writes realistic sample transcripts: the curated set shipped in samples/sessions, "
                + "or with --corpus-bytes a large synthetic corpus for benchmarks."})
final class GenerateSamplesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Sessions root to write into.")
    Path out;

    @Option(names = "--seed", defaultValue = "20260211", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--base-time", defaultValue = "2026-02-09T08:00:00Z",
            description = "Event time of the first sample line (default: ${DEFAULT-VALUE}).")
    Instant baseTime;

    @Option(names = "--corpus-bytes", paramLabel = "BYTES",
            description = "Write a synthetic corpus of about this many bytes instead of the curated samples.")
    Long corpusBytes;

    @Option(names = "--users", defaultValue = "20", description = "Users in a corpus (default: ${DEFAULT-VALUE}).")
    int users;

    @Override
    public Integer call() throws Exception {
        SampleGenerator generator = new SampleGenerator(seed, baseTime);
        if (corpusBytes == null) {
            generator.writeSamples(out);
            spec.commandLine().getOut().println("Wrote sample sessions to " + out);
            return 0;
        }
        Progress progress = new Progress("generate", corpusBytes);
        generator.writeCorpus(out, corpusBytes, users, progress::bytes);
        progress.done();
        return 0;
    }
}
