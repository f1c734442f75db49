package io.sessionfriction.processor.event;

import static io.sessionfriction.processor.event.Lines.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class LineParserTest {

    private final Headers headers = new RecordHeaders()
            .add("user", "alice".getBytes(StandardCharsets.UTF_8))
            .add("file", "/data/user_sessions/alice/s1.jsonl".getBytes(StandardCharsets.UTF_8))
            .add("offset", "4096".getBytes(StandardCharsets.UTF_8))
            .add("line", "17".getBytes(StandardCharsets.UTF_8));

    @Test
    void aGoodLineBecomesAnEventWithTheUserFromTheHeader() {
        ParsedLine parsed = LineParser.parse("s1", TranscriptLineSerde.parse(Lines.userPrompt("hi", T0).toString()), headers);

        assertThat(parsed).isInstanceOfSatisfying(SessionEvent.class, event -> {
            assertThat(event.sessionKey()).isEqualTo("s1");
            assertThat(event.user()).isEqualTo("alice");
            assertThat(event.kind()).isEqualTo(EventKind.USER_PROMPT);
            assertThat(event.timestamp()).isEqualTo(T0);
        });
    }

    @Test
    void badInputBecomesADeadLetterWithWhereItCameFromAndWhy() {
        ParsedLine parsed = LineParser.parse("s1", TranscriptLineSerde.parse("{\"type\":\"user\""), headers);

        assertThat(parsed).isInstanceOfSatisfying(DeadLetter.class, dead -> {
            assertThat(dead).extracting(DeadLetter::source, DeadLetter::sessionKey, DeadLetter::user, DeadLetter::file,
                    DeadLetter::offset, DeadLetter::line, DeadLetter::raw)
                    .containsExactly("processor", "s1", "alice", "/data/user_sessions/alice/s1.jsonl", 4096L, 17L, "{\"type\":\"user\"");
            assertThat(dead.error()).startsWith("malformed JSON");
        });
    }

    @Test
    void aRecordWithoutSessionKeyOrValueIsADeadLetter() {
        assertThat(LineParser.parse(null, TranscriptLineSerde.parse(Lines.userPrompt("hi", T0).toString()), headers))
                .isInstanceOfSatisfying(DeadLetter.class, dead -> assertThat(dead.error()).isEqualTo("record has no session key"));
        assertThat(LineParser.parse("s1", null, headers))
                .isInstanceOfSatisfying(DeadLetter.class, dead -> assertThat(dead.error()).isEqualTo("empty value"));
    }

    @Test
    void missingOrNonNumericHeadersAreContextNotFailures() {
        Headers odd = new RecordHeaders().add("offset", "n/a".getBytes(StandardCharsets.UTF_8));

        assertThat(LineParser.parse("s1", TranscriptLineSerde.parse("nope"), odd))
                .isInstanceOfSatisfying(DeadLetter.class, dead -> {
                    assertThat(dead.user()).isNull();
                    assertThat(dead.offset()).isNull();
                });
    }
}
