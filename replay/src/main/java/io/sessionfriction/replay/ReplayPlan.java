package io.sessionfriction.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.replay.catalogue.SessionCatalogue;
import io.sessionfriction.replay.catalogue.SessionSpan;

/**
 * A replay computed once from its request: the sessions it takes and the processor settings it runs them
 * with. Every name a replay writes under derives from its run id, a hash of the selection and of the
 * selected files, so the same files give the same run and a replay never touches the live topics.
 *
 * @param catalogued how many sessions the sessions root holds
 * @param sessions   the selected sessions, ordered by session key
 * @param settings   application id, topic prefix ({@code <run id>.}), allowed lateness and tuning of the run
 */
public record ReplayPlan(ReplayRequest request, int catalogued, List<SessionSpan> sessions, String runId,
                         ProcessorSettings settings) {

    public static final String RUN_ID_PREFIX = "session-friction-replay-";
    private static final Logger log = LoggerFactory.getLogger(ReplayPlan.class);
    private static final Duration LATENESS_MARGIN = Duration.ofDays(1);

    public ReplayPlan {
        sessions = List.copyOf(sessions);
    }

    /** Scans the request's sessions root and plans the run. */
    public static ReplayPlan of(ReplayRequest request) {
        return of(request, SessionCatalogue.scan(request.sessions()));
    }

    static ReplayPlan of(ReplayRequest request, SessionCatalogue catalogue) {
        List<SessionSpan> selected = catalogue.select(request.selection());
        String runId = RUN_ID_PREFIX + selectionHash(request, selected);
        ProcessorSettings configured = request.processor();
        ProcessorSettings settings = configured
                .withApplicationId(request.applicationIdGiven() ? configured.applicationId() : runId)
                .withAllowedLateness(request.latenessGiven() ? configured.allowedLateness()
                        : coveringLateness(configured.allowedLateness(), selected))
                // Nobody waits for one of a replay's alerts.
                .withTuning(ProcessorSettings.Tuning.THROUGHPUT)
                // Its state is thrown away after the run: key-value stores in memory.
                .withStorage(ProcessorSettings.StateStorage.DISPOSABLE)
                .withTopicPrefix(runId + ".");
        return new ReplayPlan(request, catalogue.sessions().size(), selected, runId, settings);
    }

    /**
     * Partitions of the run's topics: as given, or one per stream thread. Each partition is a task, and a
     * stream thread runs its tasks one after another, so partitions beyond the threads add work (a task's
     * stores, offsets in every commit, files on the broker) and no parallelism; the report is the same.
     */
    public int partitions() {
        return request.partitions().orElse(settings.streamThreads());
    }

    public long events() {
        return sessions.stream().mapToLong(SessionSpan::events).sum();
    }

    public int files() {
        return sessions.stream().mapToInt(s -> s.files().size()).sum();
    }

    /**
     * The collector publishes whole files one after another, so a partition's stream time jumps to the
     * newest session replayed so far, and an older session's events that follow would be refused as late
     * although live they arrived in time: the configured lateness is raised to cover the selection's span.
     */
    private static Duration coveringLateness(Duration configured, List<SessionSpan> selected) {
        Optional<Instant> first = selected.stream().map(SessionSpan::first).filter(Objects::nonNull).min(Instant::compareTo);
        Optional<Instant> last = selected.stream().map(SessionSpan::last).filter(Objects::nonNull).max(Instant::compareTo);
        if (first.isEmpty() || last.isEmpty()) {
            return configured;
        }
        Duration span = Duration.between(first.get(), last.get()).plus(LATENESS_MARGIN);
        if (span.compareTo(configured) <= 0) {
            return configured;
        }
        log.info("Allowed lateness raised from {} to {} to cover the selection's time span", configured, span);
        return span;
    }

    private static String selectionHash(ReplayRequest request, List<SessionSpan> selected) {
        StringBuilder text = new StringBuilder(request.selection().describe());
        selected.forEach(s -> s.files().forEach(f -> text.append('\n').append(f.file().relativePath())
                .append(' ').append(f.bytes())));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
