package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import io.sessionfriction.launcher.cli.options.CollectorOptions;
import io.sessionfriction.launcher.cli.options.DraftOptions;
import io.sessionfriction.launcher.cli.options.DurationConverter;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.ProcessorOptions;
import io.sessionfriction.launcher.cli.options.RedactionOptions;
import io.sessionfriction.launcher.runtime.ReplayTarget;
import io.sessionfriction.launcher.runtime.ShortRunCompilation;
import io.sessionfriction.launcher.runtime.ShutdownSignal;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.replay.ReplayPlan;
import io.sessionfriction.replay.ReplayRequest;
import io.sessionfriction.replay.ReplayResult;
import io.sessionfriction.replay.ReplayRun;
import io.sessionfriction.replay.catalogue.SessionSelection;
import io.sessionfriction.replay.report.FrictionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays past sessions through the same topology and writes a friction report.",
            "Sessions are selected by their own event timestamps (--since/--until/--user), never by file dates.",
            "Without --bootstrap-servers it runs on an embedded broker; exits when every event is processed."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProcessorOptions processor;

    @Mixin
    RedactionOptions redaction;

    @Mixin
    DraftOptions drafts;

    @Option(names = "--sessions", paramLabel = "DIR", defaultValue = CollectorOptions.SAMPLE_SESSIONS,
            description = "Sessions root, laid out as the collector expects (default: ${DEFAULT-VALUE}).")
    Path sessions;

    @Option(names = "--since", paramLabel = "INSTANT",
            description = "Take sessions whose last event is at or after this (ISO-8601, e.g. 2026-02-01T00:00:00Z).")
    Instant since;

    @Option(names = "--until", paramLabel = "INSTANT",
            description = "Take sessions whose first event is before this (ISO-8601).")
    Instant until;

    @Option(names = "--user", paramLabel = "USER", split = ",",
            description = "Take only these users' sessions (repeat or comma-separate).")
    Set<String> users = Set.of();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "replay-report",
            description = "Folder for replay.json and the report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--timeout", defaultValue = "30m", converter = DurationConverter.class,
            description = "Longest wait for the processor to catch up (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--keep-topics",
            description = "With --bootstrap-servers: keep the run's topics (<run id>.*) and Kafka Streams' internal "
                    + "topics after the report instead of deleting them.")
    boolean keepTopics;

    @Override
    public Integer call() throws Exception {
        long began = System.nanoTime();
        PrintWriter console = spec.commandLine().getOut();
        if (!Files.isDirectory(sessions)) {
            throw new IllegalArgumentException("--sessions: " + sessions.toAbsolutePath() + " is not a directory");
        }
        // Only a value typed for this replay is kept: an environment or config-file value names the live processor
        // and its topics.
        ParseResult typed = spec.commandLine().getParseResult();
        OptionalInt partitions = typed.hasMatchedOption("--partitions") ? OptionalInt.of(kafka.partitions()) : OptionalInt.empty();
        ReplayRequest request = new ReplayRequest(sessions,
                new SessionSelection(Optional.ofNullable(since), Optional.ofNullable(until), users), processor.settings(),
                typed.hasMatchedOption("--application-id"), typed.hasMatchedOption("--allowed-lateness"),
                processor.catalogue(), redaction.redactor(), partitions, timeout, keepTopics, out, drafts.policy());
        FixesRegistry fixes = processor.fixes();
        ReplayPlan plan = ReplayPlan.of(request);
        ShortRunCompilation.applyFor(plan.events());
        console.printf("Selected %d of %d sessions (%d files, %,d events) by their own timestamps: %s%n",
                plan.sessions().size(), plan.catalogued(), plan.files(), plan.events(), request.selection().describe());
        long scanned = System.nanoTime();

        ReplayResult result;
        // Ctrl-C or SIGTERM: the replay stops at its next safe point and closes what it opened (an interrupt would
        // land in a transaction or in the broker's shutdown and leave its folder behind). A signal during the
        // broker's start can also fail a class that registers a shutdown hook: that is the stop too.
        ShutdownSignal shutdown = ShutdownSignal.polled();
        try {
            result = ReplayRun.execute(plan, () -> new ReplayTarget(kafka.open(true), fixes, processor.stateDir()),
                    new ReplayProgressLine(), shutdown::requested);
        } catch (RuntimeException | Error e) {
            if (!(e instanceof CancellationException) && !shutdown.requested()) {
                throw e;
            }
            console.println("Stopped by signal before the report: the replay's broker, topics and folders are removed.");
            console.flush();
            return 130;
        } finally {
            shutdown.close();
        }
        console.printf("Replayed %d sessions: %d alerts in %d friction points, %d drafted as issues, %,d events late "
                        + "(session-events-late); report in %s (%s, %s, %s/)%n",
                result.data().sessions().size(), result.data().alerts().size(), result.report().points().size(),
                result.report().drafted().size(), result.data().lateEvents(), out,
                FrictionReport.HTML_FILE, FrictionReport.POINTS_FILE, FrictionReport.ISSUES_DIR);
        double seconds = (System.nanoTime() - began) / 1e9;
        console.printf(Locale.ROOT, "Took %.1f s (scan %.1f s, pipeline %.1f s, report %.1f s): %,.0f events/s%n", seconds,
                (scanned - began) / 1e9, result.pipeline().toNanos() / 1e9, result.reporting().toNanos() / 1e9,
                plan.events() / seconds);
        console.flush();
        return 0;
    }
}
