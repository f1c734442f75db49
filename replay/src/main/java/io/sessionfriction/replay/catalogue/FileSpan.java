package io.sessionfriction.replay.catalogue;

import java.time.Instant;

import io.sessionfriction.collector.discover.SessionFile;

/**
 * One transcript file as the scanner read it.
 *
 * @param sessionKey the key the collector gives its events
 * @param first      earliest own event timestamp, null when no line has one
 * @param last       latest own event timestamp, null when no line has one
 * @param lines      non-blank lines
 * @param events     JSON objects on those lines (a line may hold two)
 * @param malformed  lines that are not JSON objects
 */
public record FileSpan(SessionFile file, String sessionKey, Instant first, Instant last,
                       long lines, long events, long malformed, long bytes) {
}
