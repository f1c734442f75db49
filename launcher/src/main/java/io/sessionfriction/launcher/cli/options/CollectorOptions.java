package io.sessionfriction.launcher.cli.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.sessionfriction.collector.CollectorConfig;
import picocli.CommandLine.Option;

/** The collector's options; one declaration each, shared by every command that collects, defaults from {@link CollectorConfig}. */
public final class CollectorOptions {

    /** The sessions shipped with the project, relative to a checkout's root: what run and replay take by default. */
    public static final String SAMPLE_SESSIONS = "samples/sessions";

    @Option(names = "--sessions", paramLabel = "DIR", defaultValue = SAMPLE_SESSIONS,
            description = "Sessions root: <root>/<user>/<date>_<id>.jsonl, subagents under <id>/subagents/, "
                    + "or flat <root>/<user>-<date>-<id>.jsonl (default: ${DEFAULT-VALUE}).")
    Path sessions;

    @Option(names = "--poll-interval", defaultValue = CollectorConfig.DEFAULT_POLL_INTERVAL_SECONDS + "s",
            converter = DurationConverter.class,
            description = "How often followed files are checked for new lines (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--quiet-period", defaultValue = CollectorConfig.DEFAULT_QUIET_PERIOD_SECONDS + "s",
            converter = DurationConverter.class,
            description = "An unterminated last line that is complete JSON is published after the file "
                    + "has been quiet this long (default: ${DEFAULT-VALUE}).")
    Duration quietPeriod;

    @Option(names = "--rescan-interval", defaultValue = CollectorConfig.DEFAULT_RESCAN_INTERVAL_SECONDS + "s",
            converter = DurationConverter.class,
            description = "Full rescan of the sessions root, the safety net under file watching (default: ${DEFAULT-VALUE}).")
    Duration rescanInterval;

    @Option(names = "--since", paramLabel = "INSTANT",
            description = "Publish only events whose own timestamp is at or after this (ISO-8601, e.g. 2026-02-01T00:00:00Z).")
    Instant since;

    @Option(names = "--until", paramLabel = "INSTANT",
            description = "Publish only events whose own timestamp is before this (ISO-8601).")
    Instant until;

    @Option(names = "--transactional-id", defaultValue = CollectorConfig.DEFAULT_TRANSACTIONAL_ID,
            description = "Transactional id of this collector; unique per collector process (default: ${DEFAULT-VALUE}).")
    String transactionalId;

    public Path sessions() {
        return sessions;
    }

    /** The collector configuration, validated; a bad value names its option. */
    public CollectorConfig toConfig(String bootstrapServers, Map<String, Object> kafkaOverrides) {
        if (!Files.isDirectory(sessions)) {
            throw new IllegalArgumentException("--sessions: " + sessions.toAbsolutePath() + " is not a directory");
        }
        try {
            CollectorConfig defaults = CollectorConfig.defaults(sessions, bootstrapServers);
            return new CollectorConfig(sessions, bootstrapServers, kafkaOverrides, defaults.eventsTopic(),
                    defaults.dlqTopic(), defaults.offsetsTopic(), transactionalId, pollInterval, quietPeriod, rescanInterval,
                    Optional.ofNullable(since), Optional.ofNullable(until), defaults.maxEventBytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("collector options: " + e.getMessage(), e);
        }
    }
}
