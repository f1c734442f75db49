package io.sessionfriction.replay.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sessionfriction.processor.activity.Block;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.progress.CommandProgress;
import io.sessionfriction.processor.progress.Outcome;
import io.sessionfriction.processor.rules.Severity;

/** Replay records as the topics publish them, built from a fixed base time. */
final class ReplayFixtures {

    static final Instant T0 = Instant.parse("2026-02-10T13:00:00Z");

    private ReplayFixtures() {
    }

    static FrictionAlert alert(String session, String user, String rule, String category, String severity,
                               String fingerprint, long count, Duration after) {
        return alert(session, user, rule, category, severity, fingerprint, count, after, 0);
    }

    /** An alert of a rule that measures the time it cost (a wait). */
    static FrictionAlert alert(String session, String user, String rule, String category, String severity,
                               String fingerprint, long count, Duration after, double secondsLost) {
        Instant at = T0.plus(after);
        return new FrictionAlert(FrictionAlert.SCHEMA_VERSION, (session + rule + fingerprint).hashCode() + "-" + session.charAt(0),
                session, user, rule, category, Severity.valueOf(severity.toUpperCase(Locale.ROOT)), List.of("bug"),
                fingerprint, at, count, 0, secondsLost,
                List.of(new FrictionAlert.Evidence("uuid-" + session + "-" + after.toSeconds(), at, rule + " <evidence> in " + session)),
                new FrictionAlert.Context(fingerprint, "Export Q1 revenue", "/home/" + user, List.of("export the revenue")),
                null, null, null);
    }

    /** One block of {@code active}, and when the wall clock runs longer, a last event that long after the start. */
    static SessionActivity activity(String session, String user, Instant start, Duration active, Duration wall) {
        List<Block> blocks = new ArrayList<>(List.of(new Block(start, start.plus(active), 10, 2, 0)));
        if (wall.compareTo(active) > 0) {
            blocks.add(new Block(start.plus(wall), start.plus(wall), 1, 0, 0));
        }
        return new SessionActivity(session, user, null, blocks);
    }

    static CommandProgress command(String session, String user, String toolUseId, String command, long seconds, String outcome) {
        return new CommandProgress(session, user, toolUseId, command, "d", seconds - 1, seconds, T0, T0.plusSeconds(seconds),
                Outcome.valueOf(outcome), null, null, T0, 0.0, (double) seconds);
    }

    /** A command that waited for approval before it started and ran briefly, without a progress line. */
    static CommandProgress waitedCommand(String session, String user, String toolUseId, String command, long waited, long ran) {
        return new CommandProgress(session, user, toolUseId, command, "d", 0, null, T0, T0.plusSeconds(waited + ran),
                Outcome.OK, 0, null, T0.plusSeconds(waited), (double) waited, (double) ran);
    }

    /**
     * Three sessions of three users: one command fails for two of them, one user is locked out and refuses a
     * call, one waits twice for approval.
     */
    static ReplayData sample() {
        List<FrictionAlert> alerts = List.of(
                alert("s-alice-1", "alice", "permission-denied", "permission", "high", "cp out.csv /data/shared/", 1, Duration.ofMinutes(1)),
                alert("s-carol-1", "carol", "permission-denied", "permission", "high", "cp out.csv /data/shared/", 2, Duration.ofDays(1)),
                alert("s-bob-1", "bob", "auth-failure", "authentication", "high", "psql: password authentication failed", 5, Duration.ofMinutes(3)),
                alert("s-bob-1", "bob", "user-rejection", "user-experience", "low", "user-rejection", 1, Duration.ofMinutes(4)),
                alert("s-alice-1", "alice", "approval-wait", "waiting", "medium", "Bash", 2, Duration.ofMinutes(2), 1500));
        List<SessionActivity> activity = List.of(
                activity("s-alice-1", "alice", T0, Duration.ofMinutes(5), Duration.ofDays(3)),
                activity("s-bob-1", "bob", T0, Duration.ofMinutes(12), Duration.ofMinutes(12)),
                activity("s-carol-1", "carol", T0.plus(Duration.ofDays(1)), Duration.ofSeconds(90), Duration.ofSeconds(90)));
        List<CommandProgress> commands = List.of(
                command("s-alice-1", "alice", "toolu_1", "rsync -av warehouse:/data/raw/ data/raw/", 96, "ERROR"),
                command("s-bob-1", "bob", "toolu_2", "psql -f q1.sql", 12, "OK"),
                waitedCommand("s-alice-1", "alice", "toolu_3", "git push origin main", 900, 2));
        List<ReplayData.Session> sessions = List.of(
                new ReplayData.Session("s-alice-1", "alice", T0, T0.plus(Duration.ofDays(3)), List.of("alice/a.jsonl"), 40),
                new ReplayData.Session("s-bob-1", "bob", T0, T0.plus(Duration.ofMinutes(12)), List.of("bob/b.jsonl"), 30),
                new ReplayData.Session("s-carol-1", "carol", T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)),
                        List.of("carol/c.jsonl"), 10));
        return new ReplayData(ReplayData.SCHEMA_VERSION, "since=- until=- users=*", sessions, alerts, activity, commands, 0);
    }
}
