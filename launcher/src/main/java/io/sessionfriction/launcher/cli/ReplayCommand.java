package io.sessionfriction.launcher.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.collector.CollectorStats;
import io.sessionfriction.launcher.cli.options.DurationConverter;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.ProcessorOptions;
import io.sessionfriction.launcher.runtime.CatchUp;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.ProcessorRuntime;
import io.sessionfriction.launcher.runtime.Progress;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.replay.ReplayRoot;
import io.sessionfriction.replay.catalogue.SessionCatalogue;
import io.sessionfriction.replay.catalogue.SessionSelection;
import io.sessionfriction.replay.catalogue.SessionSpan;
import io.sessionfriction.replay.kafka.ReplayCleanup;
import io.sessionfriction.replay.kafka.TopicSnapshot;
import io.sessionfriction.replay.report.FrictionReport;
import io.sessionfriction.replay.report.ReplayData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays past sessions through the same topology and writes a friction report.",
            "Sessions are selected by their own event timestamps (--since/--until/--user), never by file dates.",
            "Without --bootstrap-servers it runs on an embedded broker; exits when every event is processed."})
final class ReplayCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ReplayCommand.class);
    private static final Duration PROCESSOR_START_BOUND = Duration.ofSeconds(60);
    private static final Duration PROGRESS_AFTER = Duration.ofSeconds(2);
    private static final Duration LATENESS_MARGIN = Duration.ofDays(1);
    static final String ID_PREFIX = "session-friction-replay-";

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProcessorOptions processor;

    @Option(names = "--sessions", paramLabel = "DIR", defaultValue = "samples/sessions",
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
        SessionSelection selection = new SessionSelection(Optional.ofNullable(since), Optional.ofNullable(until), users);
        SessionCatalogue catalogue = SessionCatalogue.scan(sessions);
        List<SessionSpan> selected = catalogue.select(selection);
        long events = selected.stream().mapToLong(SessionSpan::events).sum();
        console.printf("Selected %d of %d sessions (%d files, %,d events) by their own timestamps: %s%n",
                selected.size(), catalogue.sessions().size(), selected.stream().mapToInt(s -> s.files().size()).sum(),
                events, selection.describe());
        long scanned = System.nanoTime();
        String runId = ID_PREFIX + selectionHash(selection, selected);
        String applicationId = chooseApplicationId(runId);
        coverLateness(selected);
        processor.forReplay(runId + ".");

        ReplayData data = selected.isEmpty()
                ? new ReplayData(ReplayData.SCHEMA_VERSION, selection.describe(), List.of(), List.of(), List.of(), List.of(), 0)
                : replay(selection, selected, runId, applicationId, events);
        long replayed = System.nanoTime();
        data.write(out.resolve(ReplayData.FILE_NAME));
        FrictionReport report = FrictionReport.of(data, processor.catalogue());
        report.write(out);
        long done = System.nanoTime();
        console.printf("Replayed %d sessions: %d alerts in %d friction points; report in %s (%s, %s, %s/)%n",
                data.sessions().size(), data.alerts().size(), report.points().size(), out,
                FrictionReport.HTML_FILE, FrictionReport.POINTS_FILE, FrictionReport.ISSUES_DIR);
        double seconds = (done - began) / 1e9;
        console.printf(Locale.ROOT, "Took %.1f s (scan %.1f s, pipeline %.1f s, report %.1f s): %,.0f events/s%n", seconds,
                (scanned - began) / 1e9, (replayed - scanned) / 1e9, (done - replayed) / 1e9, events / seconds);
        console.flush();
        return 0;
    }

    private ReplayData replay(SessionSelection selection, List<SessionSpan> selected, String runId,
            String applicationId, long events) throws InterruptedException {
        ProcessorSettings settings = processor.settings();
        try (ReplayRoot root = ReplayRoot.create();
                KafkaTarget target = KafkaTarget.open(kafka, true)) {
            // Own transactional id, topics and checkpoints: a live collector's checkpoints name the same files
            // and would make the replay skip them, sharing its transactional id would fence it, and the live
            // topics' consumers must never see a replayed alert.
            CollectorConfig config = CollectorConfig.defaults(root.path(), target.bootstrapServers())
                    .withKafkaOverrides(target.clientOverrides())
                    .withTransactionalId(runId)
                    .withTopics(settings.topic(Topics.SESSION_EVENTS).name(), settings.topic(Topics.SESSION_EVENTS_DLQ).name(),
                            settings.topicPrefix() + "collector-offsets");
            if (!target.embedded()) {
                requireUnused(target, applicationId);
            }
            // Replayed records carry last month's event times: time-based retention would delete them mid-run.
            target.createTopics(config, kafka.partitions(), Topics.newTopics(kafka.partitions(), settings.topicPrefix(),
                    Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
            try {
                try (ProcessorRuntime runtime = ProcessorRuntime.start(target, processor, PROCESSOR_START_BOUND);
                        Collector collector = Collector.create(config, new SimpleMeterRegistry());
                        CatchUp catchUp = new CatchUp(target);
                        Ticker ticker = Ticker.start(target, applicationId, collector, events,
                                selected.stream().mapToInt(s -> s.files().size()).sum())) {
                    CollectorStats stats = publishInSessionOrder(root, collector, selected);
                    log.info("Replay published {} events ({} lines) from {} files", stats.eventsPublished(),
                            stats.linesPublished(), stats.filesTracked());
                    catchUp.awaitGroup(runtime.applicationId(), config.eventsTopic(), timeout, runtime::failure);
                    ticker.finish();
                }
                return readBack(target, settings, selection, selected);
            } finally {
                if (!target.embedded()) {
                    new ReplayCleanup(target.adminProperties(), settings.topicPrefix(), applicationId).run(keepTopics);
                }
            }
        }
    }

    /**
     * Publishes one session after another, in order of their first event, instead of the whole folder at
     * once. A partition's stream time then moves roughly as it did live, and never jumps weeks ahead in
     * the middle of a session because another session's later file was read first: the alert stage
     * forgets sessions idle (in stream time) for longer than the allowed lateness, and an interleaved
     * replay could make that happen in the middle of a session.
     */
    private static CollectorStats publishInSessionOrder(ReplayRoot root, Collector collector, List<SessionSpan> selected) {
        List<SessionSpan> ordered = selected.stream()
                .sorted(Comparator.comparing(SessionSpan::first, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(SessionSpan::sessionKey))
                .toList();
        CollectorStats stats = collector.stats();
        for (SessionSpan session : ordered) {
            root.add(session);
            stats = collector.runUntilCaughtUp();
        }
        return stats;
    }

    /** The final record per alert, session and command of the selected sessions, as a consumer overwriting by key holds them. */
    private ReplayData readBack(KafkaTarget target, ProcessorSettings settings, SessionSelection selection,
            List<SessionSpan> selected) throws InterruptedException {
        Set<String> keys = new TreeSet<>(selected.stream().map(SessionSpan::sessionKey).toList());
        TopicSnapshot snapshot = new TopicSnapshot(target.adminProperties(), timeout);
        Map<String, JsonNode> alerts = snapshot.latest(settings.topic(Topics.FRICTION_ALERTS).name(), keys::contains,
                a -> a.path("alertId").asText());
        Map<String, JsonNode> activity = snapshot.latest(settings.topic(Topics.SESSION_ACTIVITY).name(), keys::contains,
                a -> a.path("sessionKey").asText());
        Map<String, JsonNode> commands = snapshot.latest(settings.topic(Topics.COMMAND_PROGRESS).name(),
                key -> key != null && keys.contains(key.substring(0, Math.max(0, key.indexOf('|')))),
                c -> c.path("sessionKey").asText() + '|' + c.path("toolUseId").asText());
        long late = snapshot.count(settings.topic(Topics.SESSION_EVENTS_LATE).name(), keys::contains);
        if (late > 0) {
            log.warn("{} events were refused as later than --allowed-lateness; the report misses them", late);
        }
        return new ReplayData(ReplayData.SCHEMA_VERSION, selection.describe(),
                selected.stream().map(ReplayCommand::session).toList(),
                List.copyOf(alerts.values()), List.copyOf(activity.values()), List.copyOf(commands.values()), late);
    }

    private static ReplayData.Session session(SessionSpan span) {
        return new ReplayData.Session(span.sessionKey(), span.user(), span.first(), span.last(),
                span.files().stream().map(f -> f.file().relativePath()).toList(), span.lines());
    }

    /**
     * A replay gets its own application id, so its state and offsets never mix with the live processor's:
     * {@code --application-id} on the command line wins (an environment or config-file value names the
     * live processor and is ignored here); otherwise one derived from the selection.
     */
    private String chooseApplicationId(String runId) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--application-id")) {
            return spec.findOption("--application-id").getValue();
        }
        spec.findOption("--application-id").setValue(runId);
        return runId;
    }

    /**
     * The collector publishes whole files one after another, so a partition's stream time jumps to the
     * newest session replayed so far, and an older session's events that follow would be refused as late
     * although live they arrived in time. Unless {@code --allowed-lateness} is given on the command line,
     * it is raised to cover the selection's whole time span.
     */
    private void coverLateness(List<SessionSpan> selected) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--allowed-lateness")) {
            return;
        }
        Optional<Instant> first = selected.stream().map(SessionSpan::first).filter(Objects::nonNull).min(Instant::compareTo);
        Optional<Instant> last = selected.stream().map(SessionSpan::last).filter(Objects::nonNull).max(Instant::compareTo);
        if (first.isPresent() && last.isPresent()) {
            Duration span = Duration.between(first.get(), last.get()).plus(LATENESS_MARGIN);
            Duration configured = spec.findOption("--allowed-lateness").getValue();
            if (span.compareTo(configured) > 0) {
                log.info("Allowed lateness raised from {} to {} to cover the selection's time span", configured, span);
                spec.findOption("--allowed-lateness").setValue(span);
            }
        }
    }

    /** On a shared cluster an application id that already committed offsets would resume, not replay. */
    private static void requireUnused(KafkaTarget target, String applicationId) {
        try (Admin admin = Admin.create(target.adminProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            if (!committed.isEmpty()) {
                throw new IllegalArgumentException("--application-id " + applicationId + " was used by an earlier run "
                        + "on this cluster; give each replay its own --application-id");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the application id", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot check the application id on the cluster: " + e.getMessage(), e);
        }
    }

    static String selectionHash(SessionSelection selection, List<SessionSpan> selected) {
        StringBuilder text = new StringBuilder(selection.describe());
        selected.forEach(s -> s.files().forEach(f -> text.append('\n').append(f.file().relativePath())
                .append(' ').append(f.bytes())));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * Redraws the progress line from its own thread while the collector and the processor work, once the
     * run has lasted long enough to need one. Counts the events the processor committed: the run's own
     * session-events topic holds exactly the replay's.
     */
    private static final class Ticker implements AutoCloseable {
        private final Admin admin;
        private final String applicationId;
        private final Collector collector;
        private final long events;
        private final int files;
        private final Progress progress;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile boolean drawn;

        private Ticker(KafkaTarget target, String applicationId, Collector collector, long events, int files) {
            this.admin = Admin.create(target.adminProperties());
            this.applicationId = applicationId;
            this.collector = collector;
            this.events = events;
            this.files = files;
            this.progress = Progress.ofEvents("replay", events);
            this.thread = new Thread(this::run, "replay-progress");
            this.thread.setDaemon(true);
        }

        static Ticker start(KafkaTarget target, String applicationId, Collector collector, long events, int files) {
            Ticker ticker = new Ticker(target, applicationId, collector, events, files);
            ticker.thread.start();
            return ticker;
        }

        private void run() {
            try {
                Thread.sleep(PROGRESS_AFTER.toMillis());
                while (running) {
                    long done = committed();
                    progress.update(Math.min(events, done), String.format(Locale.ROOT, "%d / %d files",
                            collector.stats().filesTracked(), files));
                    drawn = true;
                    Thread.sleep(500);
                }
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                // Progress is a courtesy: a failed look-up ends the line, never the replay.
            }
        }

        private long committed() throws InterruptedException, ExecutionException, TimeoutException {
            return admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS).values().stream()
                    .filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
        }

        void finish() throws InterruptedException {
            close();
            if (drawn) {
                progress.update(events, String.format(Locale.ROOT, "%d / %d files", files, files));
                progress.done();
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (running) {
                running = false;
                thread.interrupt();
                thread.join(2000);
                admin.close(Duration.ofSeconds(5));
            }
        }
    }
}
