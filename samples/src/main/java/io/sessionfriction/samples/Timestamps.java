package io.sessionfriction.samples;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats event times as transcripts do, always with milliseconds ({@code 2026-02-11T20:38:53.748Z};
 * {@link Instant#toString()} drops zero millis). The minute prefix is cached because a corpus writes
 * millions of timestamps a few milliseconds apart.
 */
final class Timestamps {
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:").withZone(ZoneOffset.UTC);

    private long cachedMinute = Long.MIN_VALUE;
    private String cachedPrefix;

    String format(long epochMillis) {
        long minute = Math.floorDiv(epochMillis, 60_000L);
        if (minute != cachedMinute) {
            cachedMinute = minute;
            cachedPrefix = MINUTE.format(Instant.ofEpochMilli(minute * 60_000L));
        }
        int millisOfMinute = (int) Math.floorMod(epochMillis, 60_000L);
        int seconds = millisOfMinute / 1000;
        int millis = millisOfMinute % 1000;
        StringBuilder text = new StringBuilder(24).append(cachedPrefix);
        if (seconds < 10) {
            text.append('0');
        }
        text.append(seconds).append('.');
        if (millis < 100) {
            text.append('0');
        }
        if (millis < 10) {
            text.append('0');
        }
        return text.append(millis).append('Z').toString();
    }
}
