package io.sessionfriction.collector.tail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The fast check must never say yes where {@link LineFramer}'s Jackson path would not publish the line's
 * own bytes as one event, and must say yes to the common line: one object, nothing around it.
 */
class WholeObjectTest {

    private static final Pattern ESCAPED_SURROGATE = Pattern.compile("\\\\u[dD][89a-fA-F]");
    /** Bytes that start, continue or break UTF-8 sequences at the edges of the well-formed ranges. */
    private static final int[] UTF8_EDGES = {0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED,
        0xEF, 0xF0, 0xF4, 0xF5, 0xFF};

    /**
     * The reference, LineFramer's Jackson path: the line decodes without a replacement, and Jackson reads
     * one object spanning all of it.
     */
    private static boolean jacksonPublishesItAsItIs(byte[] line) {
        String text = new String(line, UTF_8);
        if (!Arrays.equals(text.getBytes(UTF_8), line)) {
            return false;
        }
        try (JsonParser parser = LineFramer.JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.currentTokenLocation().getCharOffset() != 0) {
                return false;
            }
            parser.skipChildren();
            return parser.currentLocation().getCharOffset() == text.length() && parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean spans(byte[] line) {
        return WholeObject.spans(line, 0, line.length);
    }

    private static boolean spans(String line) {
        return spans(line.getBytes(UTF_8));
    }

    private static byte[] bytes(String prefix, int[] middle, String suffix) {
        byte[] head = prefix.getBytes(UTF_8);
        byte[] tail = suffix.getBytes(UTF_8);
        byte[] line = Arrays.copyOf(head, head.length + middle.length + tail.length);
        for (int i = 0; i < middle.length; i++) {
            line[head.length + i] = (byte) middle[i];
        }
        System.arraycopy(tail, 0, line, head.length + middle.length, tail.length);
        return line;
    }

    @Property(tries = 20000)
    void saysYesOnlyWhenJacksonWouldPublishTheLineAsItIs(@ForAll long seed) {
        Random random = new Random(seed);
        String valid = RandomJson.object(random, 0);
        byte[] line = switch (random.nextInt(4)) {
            case 0 -> valid.getBytes(UTF_8);
            case 1 -> RandomJson.mutate(random, valid).getBytes(UTF_8);
            default -> RandomJson.mutateBytes(random, valid.getBytes(UTF_8), UTF8_EDGES);
        };

        if (spans(line)) {
            assertThat(jacksonPublishesItAsItIs(line)).as(new String(line, UTF_8)).isTrue();
        }
    }

    @Property(tries = 5000)
    void saysYesToEveryObjectWithoutEscapedSurrogates(@ForAll long seed) {
        String line = RandomJson.object(new Random(seed), 0);

        assertThat(spans(line)).as(line).isEqualTo(!ESCAPED_SURROGATE.matcher(line).find());
    }

    @Property(tries = 1000)
    void looksOnlyAtItsRangeOfALargerBuffer(@ForAll long seed) {
        Random random = new Random(seed);
        byte[] line = RandomJson.object(random, 0).getBytes(UTF_8);
        byte[] before = ("{\"before\":\"" + "x".repeat(random.nextInt(9)) + "\"}\n").getBytes(UTF_8);
        byte[] buffer = Arrays.copyOf(before, before.length + line.length + 3);
        System.arraycopy(line, 0, buffer, before.length, line.length);
        System.arraycopy("\n{\"".getBytes(UTF_8), 0, buffer, before.length + line.length, 3);

        assertThat(WholeObject.spans(buffer, before.length, before.length + line.length)).isEqualTo(spans(line));
    }

    @Test
    void aTypicalTranscriptLineIsOneObject() {
        String line = "{\"type\":\"assistant\",\"uuid\":\"0b7c\",\"parentUuid\":null,\"isSidechain\":false,"
                + "\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"line 1\\nline \\\"2\\\"\\t\\\\ \\u00e9 \\/\"}],"
                + "\"usage\":{\"input_tokens\":1234,\"cost\":-0.5e-3,\"ratio\":1E+2}},\"tags\":[],\"meta\":{}}";

        assertThat(spans(line)).isTrue();
        assertThat(jacksonPublishesItAsItIs(line.getBytes(UTF_8))).isTrue();
    }

    @Test
    void wellFormedUtf8InStringsIsOneObjectToo() {
        assertThat(spans("{\"caf\u00e9\":\"\u2713 done \uD83D\uDE00, \u00fcber \u4e2d\u6587 \uFFFD\"}")).isTrue();
    }

    @Test
    void utf8ThatDecodingWouldReplaceIsLeftToJackson() {
        int[][] malformed = {
            {0xC0, 0x80}, // overlong NUL
            {0xE0, 0x9F, 0xBF}, // overlong three-byte form
            {0xED, 0xA0, 0x80}, // an encoded surrogate
            {0xF4, 0x90, 0x80, 0x80}, // above U+10FFFF
            {0x80}, // a continuation byte alone
            {0xE2, 0x9C}, // a character cut short
            {0xF5, 0x80, 0x80, 0x80}, {0xFF}};
        for (int[] bad : malformed) {
            byte[] line = bytes("{\"a\":\"x", bad, "\"}");

            assertThat(spans(line)).as(Arrays.toString(bad)).isFalse();
            assertThat(jacksonPublishesItAsItIs(line)).isFalse();
        }
    }

    @Test
    void whatJacksonWouldReadDifferentlyOrRejectIsNotVouchedFor() {
        List<String> lines = List.of(
                " {\"a\":1}", "{\"a\":1} ", "{\"a\":1}{\"b\":2}", "[1]", "\"s\"", "{}}", "{\"a\":1\u00e9}",
                "{\"a\":\"tab\there\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"\\\u00e9\"}",
                "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":-}", "{\"a\":NaN}",
                "{\"a\":1,}", "{\"a\":[1,]}", "{,}", "{'a':1}", "{a:1}", "{\"a\":1 /* c */}", "{\"a\":tru}",
                "{\"a\":truex}", "{\"a\" 1}", "{\"a\":1", "{\"a\":\"unterminated}", "{\"a\":\u0001}",
                "{\"\\uD83Dx\":1}");
        for (String line : lines) {
            assertThat(spans(line)).as(line).isFalse();
        }
    }

    @Test
    void namesNumbersAndNestingPastJacksonsLimitsAreLeftToJackson() {
        int maxName = LineFramer.JSON.streamReadConstraints().getMaxNameLength();
        int maxNumber = LineFramer.JSON.streamReadConstraints().getMaxNumberLength();
        int maxDepth = LineFramer.JSON.streamReadConstraints().getMaxNestingDepth();
        String longName = "{\"" + "n".repeat(maxName + 1) + "\":1}";
        String longNumber = "{\"a\":" + "9".repeat(maxNumber + 1) + "}";
        String deep = "{\"a\":" + "[".repeat(maxDepth) + "]".repeat(maxDepth) + "}";

        for (String line : List.of(longName, longNumber, deep)) {
            assertThat(spans(line)).isFalse();
            assertThat(LineFramer.frame(line.getBytes(UTF_8)).clean()).as("Jackson rejects it").isFalse();
        }
        assertThat(spans("{\"" + "n".repeat(maxName) + "\":" + "9".repeat(maxNumber) + "}")).isTrue();
        assertThat(spans("{\"a\":" + "[".repeat(maxDepth - 1) + "]".repeat(maxDepth - 1) + "}")).isTrue();
    }

    @Test
    void jacksonSetsNoOtherLimitThatALineCouldReach() {
        assertThat(LineFramer.JSON.streamReadConstraints().getMaxDocumentLength()).isNegative();
        assertThat(LineFramer.JSON.streamReadConstraints().getMaxTokenCount()).isNegative();
    }
}
