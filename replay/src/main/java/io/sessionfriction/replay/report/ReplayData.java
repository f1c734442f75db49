package io.sessionfriction.replay.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.progress.CommandProgress;

/**
 * What a replay leaves behind ({@code replay.json}), so a report can be rendered again without Kafka: the
 * sessions it took, and the final record per alertId, per session and per command, each list in a stable
 * order. Alerts, activity and commands are the topics' records as published.
 *
 * @param selection  how the sessions were chosen (flags, not the time of the run)
 * @param lateEvents events of the selected sessions the processor refused as too late (session-events-late)
 */
public record ReplayData(int schemaVersion, String selection, List<Session> sessions, List<FrictionAlert> alerts,
                         List<SessionActivity> activity, List<CommandProgress> commands, long lateEvents) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "replay.json";

    public ReplayData {
        sessions = List.copyOf(sessions);
        alerts = List.copyOf(alerts);
        activity = List.copyOf(activity);
        commands = List.copyOf(commands);
    }

    /** A replayed session: its key, user, own time span (null when no line has a timestamp), files and lines. */
    public record Session(String sessionKey, String user, Instant first, Instant last, List<String> files, long lines) {
    }

    public static ReplayData read(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), ReplayData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (a replay's " + FILE_NAME + "): " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
