package io.sessionfriction.replay.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.SessionScopedKey;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.progress.CommandProgress;
import io.sessionfriction.replay.ReplayPlan;
import io.sessionfriction.replay.catalogue.SessionSelection;
import io.sessionfriction.replay.catalogue.SessionSpan;
import io.sessionfriction.replay.report.ReplayData;

/** A run's results: the final record per alert, session and command of its sessions, as a consumer overwriting by key holds them. */
public final class RunOutput {

    private static final Logger log = LoggerFactory.getLogger(RunOutput.class);

    private RunOutput() {
    }

    /**
     * Reads the run's output topics back. Each published alert is reported in its final form from
     * {@code totals} (the alert stage's state at the end of the run: every occurrence counted, where the
     * last record counts those up to its threshold); an alert whose session the stage had already forgotten
     * keeps its last record's count, and is logged.
     */
    public static ReplayData read(Properties clientProperties, ReplayPlan plan, Duration bound, Map<String, FrictionAlert> totals)
            throws InterruptedException {
        ProcessorSettings settings = plan.settings();
        Set<String> keys = new TreeSet<>(plan.sessions().stream().map(SessionSpan::sessionKey).toList());
        TopicSnapshot.Pass pass = new TopicSnapshot(clientProperties, bound).pass();
        Map<String, FrictionAlert> alerts = pass.latest(
                settings.topic(Topics.FRICTION_ALERTS).withValueSerde(Json.serde(FrictionAlert.class)), keys::contains,
                FrictionAlert::alertId);
        Map<String, SessionActivity> activity = pass.latest(settings.topic(Topics.SESSION_ACTIVITY), keys::contains,
                SessionActivity::sessionKey);
        Map<String, CommandProgress> commands = pass.latest(settings.topic(Topics.COMMAND_PROGRESS),
                key -> SessionScopedKey.sessionOf(key).filter(keys::contains).isPresent(),
                c -> CommandProgress.key(c.sessionKey(), c.toolUseId()));
        LongSupplier lateCount = pass.count(settings.topic(Topics.SESSION_EVENTS_LATE).name(), keys::contains);
        pass.read();
        long forgotten = alerts.keySet().stream().filter(id -> !totals.containsKey(id)).count();
        if (forgotten > 0) {
            log.warn("{} alerts belong to sessions the processor forgot before the replay ended (idle longer than the "
                    + "allowed lateness): their counts are those of their last record", forgotten);
        }
        alerts.replaceAll((id, published) -> totals.getOrDefault(id, published));
        long late = lateCount.getAsLong();
        if (late > 0) {
            log.warn("{} events were refused as later than --allowed-lateness; the report misses them", late);
        }
        return new ReplayData(ReplayData.SCHEMA_VERSION, plan.request().selection().describe(),
                plan.sessions().stream().map(RunOutput::session).toList(),
                List.copyOf(alerts.values()), List.copyOf(activity.values()), List.copyOf(commands.values()), late);
    }

    /** What a replay of no session leaves: the selection, and nothing else. */
    public static ReplayData nothingReplayed(SessionSelection selection) {
        return new ReplayData(ReplayData.SCHEMA_VERSION, selection.describe(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    private static ReplayData.Session session(SessionSpan span) {
        return new ReplayData.Session(span.sessionKey(), span.user(), span.first(), span.last(),
                span.files().stream().map(f -> f.file().relativePath()).toList(), span.lines());
    }
}
