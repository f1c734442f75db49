package io.sessionfriction.collector.tail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineParserTest {

    private static List<String> objects(ParsedLine line) {
        return line.objects().stream().map(b -> new String(b, UTF_8)).toList();
    }

    @Test
    void aCleanLineKeepsItsExactBytes() {
        byte[] line = "{\"type\":\"user\", \"n\" : 1}".getBytes(UTF_8);

        ParsedLine parsed = LineParser.parse(line);

        assertThat(parsed.clean()).isTrue();
        assertThat(parsed.objects()).singleElement().isEqualTo(line);
    }

    @Test
    void twoObjectsOnOneLineAreTwoEvents() {
        ParsedLine parsed = LineParser.parse(
                "{\"type\":\"progress\",\"s\":\"}{\"}{\"type\":\"summary\",\"summary\":\"x\"}".getBytes(UTF_8));

        assertThat(parsed.clean()).isTrue();
        assertThat(objects(parsed)).containsExactly("{\"type\":\"progress\",\"s\":\"}{\"}",
                "{\"type\":\"summary\",\"summary\":\"x\"}");
    }

    @Test
    void crlfAndBomAreNotPartOfTheEvent() {
        byte[] line = "\uFEFF{\"type\":\"user\"}\r".getBytes(UTF_8);

        assertThat(objects(LineParser.parse(line))).containsExactly("{\"type\":\"user\"}");
    }

    @Test
    void invalidUtf8IsReplacedAndTheLineIsStillAnEvent() {
        byte[] line = {'{', '"', 'a', '"', ':', '"', 'x', (byte) 0xC3, (byte) 0x28, '"', '}'};

        ParsedLine parsed = LineParser.parse(line);

        assertThat(parsed.clean()).isTrue();
        assertThat(objects(parsed)).containsExactly("{\"a\":\"x\uFFFD(\"}");
    }

    @Test
    void aTruncatedObjectIsAnErrorWithItsColumn() {
        ParsedLine parsed = LineParser.parse("{\"type\":\"user\",\"message\":{\"con".getBytes(UTF_8));

        assertThat(parsed.objects()).isEmpty();
        assertThat(parsed.error()).hasValueSatisfying(e -> assertThat(e).contains("column"));
    }

    @Test
    void aValueThatIsNotAnObjectIsAnError() {
        assertThat(LineParser.parse("[1,2]".getBytes(UTF_8)).error())
                .hasValueSatisfying(e -> assertThat(e).contains("expected a JSON object").contains("START_ARRAY"));
        assertThat(LineParser.parse("garbage".getBytes(UTF_8)).error()).isPresent();
    }

    @Test
    void garbageAfterAnObjectKeepsTheObjectAndReportsTheRest() {
        ParsedLine parsed = LineParser.parse("{\"type\":\"user\"}}}oops".getBytes(UTF_8));

        assertThat(objects(parsed)).containsExactly("{\"type\":\"user\"}");
        assertThat(parsed.error()).isPresent();
    }
}
