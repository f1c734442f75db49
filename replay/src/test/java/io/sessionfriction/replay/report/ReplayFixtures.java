package io.sessionfriction.replay.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.processor.Json;

/** Replay records shaped as the topics publish them, built from a fixed base time. */
final class ReplayFixtures {

    static final Instant T0 = Instant.parse("2026-02-10T13:00:00Z");

    private ReplayFixtures() {
    }

    static ObjectNode alert(String session, String user, String rule, String category, String severity,
                            String fingerprint, long count, Duration after) {
        ObjectNode alert = Json.MAPPER.createObjectNode();
        Instant at = T0.plus(after);
        alert.put("schemaVersion", 1).put("alertId", (session + rule + fingerprint).hashCode() + "-" + session.charAt(0))
                .put("sessionId", session).put("user", user).put("rule", rule).put("category", category)
                .put("severity", severity);
        alert.putArray("labels").add("bug");
        alert.put("fingerprint", fingerprint).put("timestamp", at.toString()).put("count", count).put("escalation", 0);
        ArrayNode evidence = alert.putArray("evidence");
        evidence.addObject().put("uuid", "uuid-" + session + "-" + after.toSeconds())
                .put("timestamp", at.toString()).put("excerpt", rule + " <evidence> in " + session);
        ObjectNode context = alert.putObject("context");
        context.put("command", fingerprint).put("description", "Export Q1 revenue").put("cwd", "/home/" + user);
        context.putArray("lastUserMessages").add("export the revenue");
        return alert;
    }

    static ObjectNode activity(String session, String user, Instant start, Duration active, Duration wall) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("sessionKey", session).put("user", user);
        ArrayNode blocks = node.putArray("blocks");
        blocks.addObject().put("start", start.toString()).put("end", start.plus(active).toString());
        if (wall.compareTo(active) > 0) {
            blocks.addObject().put("start", start.plus(wall).toString()).put("end", start.plus(wall).toString());
        }
        node.put("totalActiveSeconds", active.toSeconds()).put("firstEvent", start.toString())
                .put("lastEvent", start.plus(wall).toString()).put("wallClockSeconds", wall.toSeconds());
        return node;
    }

    static ObjectNode command(String session, String user, String toolUseId, String command, long seconds, String outcome) {
        return Json.MAPPER.createObjectNode().put("sessionKey", session).put("user", user).put("toolUseId", toolUseId)
                .put("command", command).put("description", "d").put("updates", seconds - 1)
                .put("maxElapsedSeconds", seconds).put("firstEventAt", T0.toString())
                .put("lastEventAt", T0.plusSeconds(seconds).toString()).put("outcome", outcome);
    }

    /** Three sessions of two users: one command fails for both, one user is locked out. */
    static ReplayData sample() {
        List<JsonNode> alerts = List.of(
                alert("s-alice-1", "alice", "permission-denied", "permission", "high", "cp out.csv /data/shared/", 1, Duration.ofMinutes(1)),
                alert("s-carol-1", "carol", "permission-denied", "permission", "high", "cp out.csv /data/shared/", 2, Duration.ofDays(1)),
                alert("s-bob-1", "bob", "auth-failure", "authentication", "high", "psql: password authentication failed", 5, Duration.ofMinutes(3)),
                alert("s-bob-1", "bob", "user-rejection", "user-experience", "low", "user-rejection", 1, Duration.ofMinutes(4)));
        List<JsonNode> activity = List.of(
                activity("s-alice-1", "alice", T0, Duration.ofMinutes(5), Duration.ofDays(3)),
                activity("s-bob-1", "bob", T0, Duration.ofMinutes(12), Duration.ofMinutes(12)),
                activity("s-carol-1", "carol", T0.plus(Duration.ofDays(1)), Duration.ofSeconds(90), Duration.ofSeconds(90)));
        List<JsonNode> commands = List.of(
                command("s-alice-1", "alice", "toolu_1", "rsync -av warehouse:/data/raw/ data/raw/", 96, "ERROR"),
                command("s-bob-1", "bob", "toolu_2", "psql -f q1.sql", 12, "OK"));
        List<ReplayData.Session> sessions = List.of(
                new ReplayData.Session("s-alice-1", "alice", T0, T0.plus(Duration.ofDays(3)), List.of("alice/a.jsonl"), 40),
                new ReplayData.Session("s-bob-1", "bob", T0, T0.plus(Duration.ofMinutes(12)), List.of("bob/b.jsonl"), 30),
                new ReplayData.Session("s-carol-1", "carol", T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)),
                        List.of("carol/c.jsonl"), 10));
        return new ReplayData(ReplayData.SCHEMA_VERSION, "since=- until=- users=*", sessions, alerts, activity, commands, 0);
    }
}
