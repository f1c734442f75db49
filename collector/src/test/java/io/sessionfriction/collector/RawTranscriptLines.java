package io.sessionfriction.collector;

import java.time.Instant;

/** Realistic transcript lines for tests, built from a session id, a uuid and an event time. */
public final class RawTranscriptLines {

    public static final Instant T0 = Instant.parse("2026-02-11T20:38:53.748Z");

    private RawTranscriptLines() {
    }

    public static String userPrompt(String sessionId, String uuid, Instant at, String text) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/ana/proj\","
                + "\"sessionId\":\"" + sessionId + "\",\"version\":\"2.1.39\",\"gitBranch\":\"main\",\"type\":\"user\","
                + "\"message\":{\"role\":\"user\",\"content\":\"" + text + "\"},\"uuid\":\"" + uuid + "\","
                + "\"timestamp\":\"" + at + "\"}";
    }

    public static String bashProgress(String sessionId, String uuid, Instant at, int elapsed, String fullOutput) {
        return "{\"parentUuid\":\"p-" + uuid + "\",\"sessionId\":\"" + sessionId + "\",\"type\":\"progress\","
                + "\"data\":{\"type\":\"bash_progress\",\"output\":\"" + tail(fullOutput) + "\",\"fullOutput\":\""
                + fullOutput + "\",\"elapsedTimeSeconds\":" + elapsed + ",\"totalLines\":5,\"timeoutMs\":30000},"
                + "\"toolUseID\":\"bash-progress-0\",\"parentToolUseID\":\"toolu_01UeW27qA9GbyT6uKQgp2VCT\","
                + "\"uuid\":\"" + uuid + "\",\"timestamp\":\"" + at + "\"}";
    }

    public static String summary(String title) {
        return "{\"type\":\"summary\",\"summary\":\"" + title + "\",\"leafUuid\":\"leaf-1\"}";
    }

    private static String tail(String s) {
        return s.length() > 100 ? s.substring(s.length() - 100) : s;
    }
}
