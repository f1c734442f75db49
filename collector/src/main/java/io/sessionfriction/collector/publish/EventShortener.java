package io.sessionfriction.collector.publish;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sessionfriction.collector.tail.LineFramer;
import io.sessionfriction.limits.JsonShortener;
import io.sessionfriction.redaction.Findings;
import io.sessionfriction.redaction.Redactor;

/**
 * Makes an event that is larger than a record may be fit, instead of dropping it.
 *
 * <p>Its secrets are redacted first: a string cut inside a secret would leave a piece of it that no rule
 * recognises any more. (Such a line was not going to reach the topic as written anyway.) Then the shared
 * {@link JsonShortener} cuts its longest strings, each keeping its beginning and ending with
 * {@value #MARKER_PREFIX}N bytes]; ids, timestamps and structure stay intact.
 */
public final class EventShortener {

    public static final String MARKER_PREFIX = JsonShortener.MARKER_PREFIX + "collector: ";

    private static final JsonShortener SHORTENER = new JsonShortener("collector");
    private static final ObjectMapper JSON = new ObjectMapper(LineFramer.JSON.copy());

    private EventShortener() {
    }

    /** An event made to fit, and what redacting it took out. */
    public record Shortened(byte[] event, Findings redactions) {
    }

    /** The event, redacted and serialized to at most {@code maxBytes} when its strings allow it. */
    public static Shortened shorten(byte[] event, int maxBytes, Redactor redactor) {
        try {
            JsonNode root = JSON.readTree(event);
            Findings redactions = redactor.redactInPlace(root);
            byte[] redacted = redactions.any() ? JSON.writeValueAsBytes(root) : event;
            return new Shortened(SHORTENER.shorten(redacted, maxBytes), redactions);
        } catch (IOException e) {
            throw new UncheckedIOException("An event that parsed once did not parse again", e);
        }
    }
}
