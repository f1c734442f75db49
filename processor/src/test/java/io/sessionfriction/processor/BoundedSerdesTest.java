package io.sessionfriction.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.limits.RecordLimits;
import io.sessionfriction.processor.event.DeadLetter;
import io.sessionfriction.processor.activity.LateEvent;

class BoundedSerdesTest {

    private static final Serde<String> KEYS = BoundedSerdes.keys(Serdes.String());

    @Test
    void aKeyThatFitsIsWrittenAsItIs() {
        assertThat(new String(KEYS.serializer().serialize("t", "session-1|toolu_01"), UTF_8)).isEqualTo("session-1|toolu_01");
    }

    @Test
    void aLongKeyKeepsItsHeadAndAHashSoDistinctKeysStayDistinct() {
        String one = "session-1|" + "a".repeat(5000) + "1";
        String two = "session-1|" + "a".repeat(5000) + "2";

        byte[] first = KEYS.serializer().serialize("t", one);
        byte[] second = KEYS.serializer().serialize("t", two);

        assertThat(first.length).isLessThanOrEqualTo(RecordLimits.MAX_KEY_BYTES);
        assertThat(new String(first, UTF_8)).startsWith("session-1|aaaa").contains("…#");
        assertThat(first).isNotEqualTo(second).isEqualTo(KEYS.serializer().serialize("t", one));
    }

    @Test
    void aLongKeyOfMultiByteCharactersIsNeverCutInsideOne() {
        byte[] bounded = KEYS.serializer().serialize("t", "s|" + "é".repeat(3000));

        assertThat(new String(bounded, UTF_8)).doesNotContain("\uFFFD");
    }

    @Test
    void aValueTooLargeForARecordIsShortenedAndStillReadsAsItsType() {
        Serde<LateEvent> serde = BoundedSerdes.values(Json.serde(LateEvent.class));
        ObjectNode line = Json.MAPPER.createObjectNode().put("type", "user").put("uuid", "u-1")
                .put("toolUseResult", "id,total\n" + "1,4711.00\n".repeat(300_000));
        Instant at = Instant.parse("2026-02-11T20:00:00Z");

        byte[] bytes = serde.serializer().serialize("t", new LateEvent("s-1", "ana", at, at.plusSeconds(9), "behind stream time", line));

        assertThat(bytes.length).isLessThanOrEqualTo(RecordLimits.MAX_OUTPUT_VALUE_BYTES);
        LateEvent read = serde.deserializer().deserialize("t", bytes);
        assertThat(read.event().path("toolUseResult").asText()).startsWith("id,total").contains("…[truncated by processor: ");
        assertThat(read.event().path("uuid").asText()).isEqualTo("u-1");
        assertThat(read.eventTime()).isEqualTo(at);
    }

    @Test
    void aDeadLetterCarriesTheStartOfItsLineAndAMarker() {
        DeadLetter letter = new DeadLetter("processor", "s-1", "ana", "ana/s-1.jsonl", 0L, 1L, "malformed JSON", "{" + "x".repeat(9000));

        assertThat(letter.raw()).startsWith("{xxx").endsWith("…[truncated by processor: 4905 bytes]");
        assertThat(letter.raw().length()).isLessThan(RecordLimits.DLQ_RAW_CHARS + 64);
    }
}
