package io.sessionfriction.processor.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    @Test
    void aLineWithAUuidIsKnownByItAndOneWithoutByItsTextWhateverKeyHashedItsPlaceholders() {
        SessionEvent prompt = Lines.event(Lines.userPrompt("hi", Lines.T0));
        SessionEvent hashed = Lines.event(Lines.json(
                "{\"type\":\"queue-operation\",\"content\":\"PGPASSWORD=[REDACTED:password-assignment:3f9a1c2b] psql\"}"));
        SessionEvent rotated = Lines.event(Lines.json(
                "{\"type\":\"queue-operation\",\"content\":\"PGPASSWORD=[REDACTED:password-assignment:deadbeef] psql\"}"));
        SessionEvent other = Lines.event(Lines.json("{\"type\":\"queue-operation\",\"content\":\"psql -h db\"}"));

        assertThat(Deduplicator.identity(prompt)).isEqualTo("uuid:" + prompt.uuid());
        assertThat(Deduplicator.identity(hashed)).startsWith("sha256:").isEqualTo(Deduplicator.identity(rotated))
                .isNotEqualTo(Deduplicator.identity(other));
    }
}
