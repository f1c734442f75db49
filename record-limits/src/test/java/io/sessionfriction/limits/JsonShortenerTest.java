package io.sessionfriction.limits;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonShortenerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonShortener COLLECTOR = new JsonShortener("collector");

    /** Long strings in the envelope of a line: collector.publish.EventShortenerTest, through the collector's redaction. */
    private static String bashProgress(String uuid, int elapsed, String fullOutput) {
        return "{\"parentUuid\":\"p-1\",\"sessionId\":\"s-1\",\"type\":\"progress\",\"data\":{\"type\":\"bash_progress\","
                + "\"output\":\"" + fullOutput.substring(fullOutput.length() - 100) + "\",\"fullOutput\":\"" + fullOutput
                + "\",\"elapsedTimeSeconds\":" + elapsed + ",\"totalLines\":5,\"timeoutMs\":30000},\"toolUseID\":\"bash-progress-0\","
                + "\"parentToolUseID\":\"toolu_01UeW27qA9GbyT6uKQgp2VCT\",\"uuid\":\"" + uuid + "\","
                + "\"timestamp\":\"2026-02-11T20:38:53.748Z\"}";
    }

    @Test
    void aValueThatFitsIsReturnedAsItIs() {
        byte[] line = bashProgress("u-1", 3, "ok".repeat(60)).getBytes(UTF_8);

        assertThat(COLLECTOR.shorten(line, line.length)).isSameAs(line);
    }

    @Test
    void aLongFieldNameIsShortenedLikeAValue() throws Exception {
        byte[] value = ("{\"uuid\":\"u-1\",\"" + "k".repeat(300_000) + "\":1,\"after\":true}").getBytes(UTF_8);

        byte[] shortened = new JsonShortener("processor").shorten(value, 10_000);

        assertThat(shortened.length).isLessThanOrEqualTo(10_000);
        JsonNode tree = JSON.readTree(shortened);
        assertThat(tree.fieldNames()).toIterable().hasSize(3).element(1).asString()
                .startsWith("kkkk").endsWith(" bytes]").contains("…[truncated by processor: ");
        assertThat(tree.path("after").asBoolean()).isTrue();
    }

    @Test
    void manySmallValuesAreEmptiedAsTheSmallestSubtreeThatIsEnoughAndTheRootSaysSo() throws Exception {
        StringBuilder numbers = new StringBuilder();
        for (int i = 0; i < 400_000; i++) {
            numbers.append(i == 0 ? "" : ",").append(i);
        }
        byte[] value = ("{\"uuid\":\"u-1\",\"event\":{\"type\":\"user\",\"small\":[1,2,3],\"data\":{\"values\":[" + numbers
                + "]}},\"count\":5}").getBytes(UTF_8);

        byte[] shortened = new JsonShortener("processor").shorten(value, 100_000);

        assertThat(shortened.length).isLessThanOrEqualTo(100_000);
        JsonNode tree = JSON.readTree(shortened);
        assertThat(tree.path("uuid").asText()).isEqualTo("u-1");
        assertThat(tree.path("count").asInt()).isEqualTo(5);
        assertThat(tree.path("event").path("type").asText()).isEqualTo("user");
        assertThat(tree.path("event").path("small")).hasSize(3);
        assertThat(tree.path("event").path("data").path("values").isArray()).isTrue();
        assertThat(tree.path("event").path("data").path("values")).isEmpty();
        assertThat(tree.path(JsonShortener.TRUNCATED_FIELD).asText()).startsWith("…[truncated by processor: ").endsWith(" bytes]");
    }

    @Test
    void aValueNestedDeeperThanAParserAllowsByDefaultIsShortenedToo() throws Exception {
        String deep = "[".repeat(3000) + "\"" + "z".repeat(50_000) + "\"" + "]".repeat(3000);
        byte[] value = ("{\"uuid\":\"u-1\",\"event\":" + deep + "}").getBytes(UTF_8);

        byte[] shortened = COLLECTOR.shorten(value, 20_000);

        assertThat(shortened.length).isLessThanOrEqualTo(20_000);
        assertThat(new String(shortened, UTF_8)).startsWith("{\"uuid\":\"u-1\",\"event\":[[[[").contains("zzzz…[truncated by collector: ");
    }
}
