package io.sessionfriction.processor.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final Headers NONE = new RecordHeaders();

    @Test
    void aLineWithAUuidIsKnownByItAndOneWithoutByItsTextWhateverKeyHashedItsPlaceholders() {
        SessionEvent prompt = Lines.event(Lines.userPrompt("hi", Lines.T0));
        SessionEvent hashed = Lines.event(Lines.json(
                "{\"type\":\"queue-operation\",\"content\":\"PGPASSWORD=[REDACTED:password-assignment:3f9a1c2b] psql\"}"));
        SessionEvent rotated = Lines.event(Lines.json(
                "{\"type\":\"queue-operation\",\"content\":\"PGPASSWORD=[REDACTED:password-assignment:deadbeef] psql\"}"));
        SessionEvent other = Lines.event(Lines.json("{\"type\":\"queue-operation\",\"content\":\"psql -h db\"}"));

        assertThat(Deduplicator.identity(prompt, NONE)).isEqualTo("uuid:" + prompt.uuid());
        assertThat(Deduplicator.identity(hashed, NONE)).startsWith("sha256:").isEqualTo(Deduplicator.identity(rotated, NONE))
                .isNotEqualTo(Deduplicator.identity(other, NONE));
        assertThat(Deduplicator.identity(hashed, at("alice/s.jsonl", 7)))
                .isEqualTo(Deduplicator.identity(rotated, at("alice/s.jsonl", 7)))
                .isNotEqualTo(Deduplicator.identity(hashed, at("alice/s.jsonl", 8)));
    }

    private static Headers at(String file, long line) {
        Headers headers = new RecordHeaders();
        headers.add(SessionHeaders.FILE, file.getBytes(StandardCharsets.UTF_8));
        headers.add(SessionHeaders.LINE, Long.toString(line).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
