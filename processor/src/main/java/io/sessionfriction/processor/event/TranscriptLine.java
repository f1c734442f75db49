package io.sessionfriction.processor.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One value from {@code session-events} as it came off the wire: the raw text, and either its JSON
 * object or why it is not one. Deserializing never throws, so a bad line reaches the topology and the DLQ
 * instead of killing the stream thread.
 */
public record TranscriptLine(String raw, JsonNode json, String parseError) {

    public static TranscriptLine parsed(String raw, JsonNode json) {
        return new TranscriptLine(raw, json, null);
    }

    public static TranscriptLine unparsable(String raw, String parseError) {
        return new TranscriptLine(raw, null, parseError);
    }

    public boolean isParsed() {
        return json != null;
    }
}
