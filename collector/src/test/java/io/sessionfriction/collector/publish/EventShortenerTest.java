package io.sessionfriction.collector.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sessionfriction.collector.RawTranscriptLines;
import io.sessionfriction.redaction.Redactor;
import io.sessionfriction.testsupport.SecretPieces;

class EventShortenerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTenMegabyteProgressLineKeepsItsEnvelopeAndShortensItsOutputs() throws Exception {
        String output = "x".repeat(10 * 1024 * 1024);
        byte[] line = RawTranscriptLines.bashProgress("s-1", "u-1", RawTranscriptLines.T0, 7, output).getBytes(UTF_8);
        int max = 1024 * 1024;

        byte[] shortened = EventShortener.shorten(line, max, Redactor.defaults()).event();

        assertThat(shortened.length).isLessThanOrEqualTo(max);
        JsonNode event = JSON.readTree(shortened);
        assertThat(event.path("uuid").asText()).isEqualTo("u-1");
        assertThat(event.path("timestamp").asText()).isEqualTo(RawTranscriptLines.T0.toString());
        assertThat(event.path("data").path("elapsedTimeSeconds").asInt()).isEqualTo(7);
        String fullOutput = event.path("data").path("fullOutput").asText();
        assertThat(fullOutput).startsWith("xxxx").contains(EventShortener.MARKER_PREFIX).endsWith(" bytes]");
        assertThat(event.path("data").path("output").asText()).hasSize(100);
    }

    @Test
    void theMarkerSaysHowManyBytesWereRemoved() throws Exception {
        String content = "é".repeat(600_000);
        byte[] line = ("{\"type\":\"user\",\"toolUseResult\":\"" + content + "\"}").getBytes(UTF_8);

        byte[] shortened = EventShortener.shorten(line, 100_000, Redactor.defaults()).event();

        String kept = JSON.readTree(shortened).path("toolUseResult").asText();
        String prefix = kept.substring(0, kept.indexOf(EventShortener.MARKER_PREFIX));
        long removed = Long.parseLong(kept.substring(kept.indexOf(": ") + 2, kept.indexOf(" bytes]")));
        assertThat(prefix.getBytes(UTF_8).length + removed).isEqualTo(content.getBytes(UTF_8).length);
        assertThat(shortened.length).isLessThanOrEqualTo(100_000);
    }

    /** The cut keeps an output's start: a secret across the cut would leave its first half unrecognisable. */
    @Test
    void secretsAreRedactedBeforeTheCutSoNoHalfOfOneIsLeft() throws Exception {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        String printed = "y".repeat(1000) + " aws_secret_access_key = " + secret + " " + "z".repeat(400_000);
        byte[] line = RawTranscriptLines.bashProgress("s-1", "u-1", RawTranscriptLines.T0, 7, printed).getBytes(UTF_8);

        EventShortener.Shortened shortened = EventShortener.shorten(line, 100_000, Redactor.defaults());

        String text = new String(shortened.event(), UTF_8);
        assertThat(text).contains(EventShortener.MARKER_PREFIX).contains("[REDACTED:aws-secret-key]");
        assertThat(SecretPieces.of(secret).foundIn(text)).isEmpty();
        assertThat(shortened.redactions().byKind()).containsEntry("aws-secret-key", 1);
    }
}
