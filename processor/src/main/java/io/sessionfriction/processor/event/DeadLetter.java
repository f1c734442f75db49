package io.sessionfriction.processor.event;

import java.nio.charset.StandardCharsets;

import io.sessionfriction.limits.JsonShortener;
import io.sessionfriction.limits.RecordLimits;

/**
 * A line the processor could not use, as written to {@code session-events-dlq}. file/offset/line come
 * from the collector's headers, so the line can be found again; {@code raw} is its start (the line itself
 * is on {@code session-events}), at most {@link RecordLimits#DLQ_RAW_CHARS} characters and a marker.
 */
public record DeadLetter(String source, String sessionKey, String user, String file, Long offset, Long line,
                         String error, String raw) implements ParsedLine {

    public static final String SOURCE = "processor";

    public DeadLetter {
        raw = excerpt(raw);
    }

    private static String excerpt(String raw) {
        if (raw == null || raw.length() <= RecordLimits.DLQ_RAW_CHARS) {
            return raw;
        }
        int end = Character.isHighSurrogate(raw.charAt(RecordLimits.DLQ_RAW_CHARS - 1))
                ? RecordLimits.DLQ_RAW_CHARS - 1 : RecordLimits.DLQ_RAW_CHARS;
        long cut = raw.substring(end).getBytes(StandardCharsets.UTF_8).length;
        return raw.substring(0, end) + JsonShortener.MARKER_PREFIX + SOURCE + ": " + cut + " bytes]";
    }
}
