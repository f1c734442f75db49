package io.sessionfriction.collector.tail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineFramerTest {

    private static List<String> objects(FramedLine line) {
        return line.objects().stream().map(b -> new String(b, UTF_8)).toList();
    }

    @Test
    void aCleanLineKeepsItsExactBytes() {
        byte[] line = "{\"type\":\"user\", \"n\" : 1}".getBytes(UTF_8);

        FramedLine parsed = LineFramer.frame(line);

        assertThat(parsed.clean()).isTrue();
        assertThat(parsed.objects()).singleElement().isEqualTo(line);
    }

    @Test
    void twoObjectsOnOneLineAreTwoEvents() {
        FramedLine parsed = LineFramer.frame(
                "{\"type\":\"progress\",\"s\":\"}{\"}{\"type\":\"summary\",\"summary\":\"x\"}".getBytes(UTF_8));

        assertThat(parsed.clean()).isTrue();
        assertThat(objects(parsed)).containsExactly("{\"type\":\"progress\",\"s\":\"}{\"}",
                "{\"type\":\"summary\",\"summary\":\"x\"}");
    }

    @Test
    void crlfAndBomAreNotPartOfTheEvent() {
        byte[] line = "\uFEFF{\"type\":\"user\"}\r".getBytes(UTF_8);

        assertThat(objects(LineFramer.frame(line))).containsExactly("{\"type\":\"user\"}");
    }

    @Test
    void invalidUtf8IsReplacedAndTheLineIsStillAnEvent() {
        byte[] line = {'{', '"', 'a', '"', ':', '"', 'x', (byte) 0xC3, (byte) 0x28, '"', '}'};

        FramedLine parsed = LineFramer.frame(line);

        assertThat(parsed.clean()).isTrue();
        assertThat(objects(parsed)).containsExactly("{\"a\":\"x\uFFFD(\"}");
    }

    @Test
    void aTruncatedObjectIsAnErrorWithItsColumn() {
        FramedLine parsed = LineFramer.frame("{\"type\":\"user\",\"message\":{\"con".getBytes(UTF_8));

        assertThat(parsed.objects()).isEmpty();
        assertThat(parsed.error()).hasValueSatisfying(e -> assertThat(e).contains("column"));
    }

    @Test
    void aValueThatIsNotAnObjectIsAnError() {
        assertThat(LineFramer.frame("[1,2]".getBytes(UTF_8)).error())
                .hasValueSatisfying(e -> assertThat(e).contains("expected a JSON object").contains("START_ARRAY"));
        assertThat(LineFramer.frame("garbage".getBytes(UTF_8)).error()).isPresent();
    }

    @Test
    void garbageAfterAnObjectKeepsTheObjectAndReportsTheRest() {
        FramedLine parsed = LineFramer.frame("{\"type\":\"user\"}}}oops".getBytes(UTF_8));

        assertThat(objects(parsed)).containsExactly("{\"type\":\"user\"}");
        assertThat(parsed.error()).isPresent();
    }

    @Test
    void invalidUtf8ThatAByteLevelJsonReaderWouldAcceptIsReplacedToo() {
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
        byte[] surrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};

        for (byte[] line : List.of(overlong, surrogate)) {
            byte[] event = LineFramer.frame(line).objects().get(0);

            assertThat(new String(event, UTF_8).getBytes(UTF_8)).as("valid UTF-8").isEqualTo(event);
            assertThat(new String(event, UTF_8)).contains("\uFFFD");
        }
    }

    @Test
    void aLineInsideALargerBufferParsesAsItWouldAlone() {
        String ascii = " {\"type\":\"progress\"}{\"type\":\"summary\"} ";
        String nonAscii = "{\"a\":\"caf\u00e9\"}{\"b\":\"\u2713\"}";
        for (String line : List.of(ascii, nonAscii)) {
            byte[] alone = line.getBytes(UTF_8);
            byte[] buffer = ("{\"before\":1}\n" + line + "\n{\"after\":2}").getBytes(UTF_8);
            int from = buffer.length - alone.length - "\n{\"after\":2}".length();

            FramedLine inBuffer = LineFramer.frame(buffer, from, from + alone.length);

            assertThat(inBuffer.clean()).isTrue();
            assertThat(objects(inBuffer)).isEqualTo(objects(LineFramer.frame(alone))).hasSize(2);
        }
        assertThat(objects(LineFramer.frame(ascii.getBytes(UTF_8))))
                .containsExactly("{\"type\":\"progress\"}", "{\"type\":\"summary\"}");
    }
}
