package io.sessionfriction.processor.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.Json;

class SessionActivityTest {

    private static final Instant T0 = Instant.parse("2026-02-11T20:00:00Z");
    private static final Duration GAP = Duration.ofMinutes(10);
    private static final EventCounts PLAIN = new EventCounts(0, 0);

    @Test
    void eventsWithinTheGapShareABlockAndALongerGapOpensANewOne() {
        SessionActivity activity = add(SessionActivity.empty("s1", "alice"), T0, T0.plusSeconds(300), T0.plusSeconds(3600));

        assertThat(activity.blocks()).extracting(Block::start, Block::end, Block::events)
                .containsExactly(tuple(T0, T0.plusSeconds(300), 2L), tuple(T0.plusSeconds(3600), T0.plusSeconds(3600), 1L));
        assertThat(activity.totalActiveSeconds()).isEqualTo(300.0);
        assertThat(activity.wallClockSeconds()).isEqualTo(3600.0);
    }

    @Test
    void anEventBetweenTwoBlocksBridgesThemIntoOne() {
        SessionActivity split = add(SessionActivity.empty("s1", "alice"), T0, T0.plus(Duration.ofMinutes(16)));
        SessionActivity bridged = split.plus(T0.plus(Duration.ofMinutes(8)), new EventCounts(1, 1), GAP);

        assertThat(bridged.blocks()).singleElement().satisfies(block -> {
            assertThat(block.activeSeconds()).isEqualTo(960.0);
            assertThat(block.events()).isEqualTo(3);
            assertThat(block.toolUses()).isEqualTo(1);
            assertThat(block.errors()).isEqualTo(1);
        });
    }

    @Test
    void theOrderOfArrivalDoesNotChangeTheBlocks() {
        Instant[] times = {T0, T0.plusSeconds(590), T0.plusSeconds(1200), T0.plusSeconds(1190), T0.plusSeconds(5000), T0.plusSeconds(4500)};
        SessionActivity inOrder = add(SessionActivity.empty("s1", "alice"), times[0], times[1], times[3], times[2], times[5], times[4]);
        SessionActivity shuffled = add(SessionActivity.empty("s1", "alice"), times[4], times[2], times[0], times[5], times[1], times[3]);

        assertThat(shuffled).isEqualTo(inOrder);
        assertThat(shuffled.blocks()).hasSize(2);
    }

    @Test
    void itsJsonCarriesTheDerivedFiguresAndReadsBack() throws Exception {
        SessionActivity activity = add(SessionActivity.empty("s1", "alice"), T0, T0.plusMillis(61_500));

        var json = Json.MAPPER.readTree(Json.write(activity));
        assertThat(json.path("totalActiveSeconds").asDouble()).isEqualTo(61.5);
        assertThat(json.path("firstEvent").asText()).isEqualTo("2026-02-11T20:00:00Z");
        assertThat(json.path("blocks").path(0).path("activeSeconds").asDouble()).isEqualTo(61.5);
        assertThat(Json.read(Json.write(activity), SessionActivity.class)).isEqualTo(activity);
    }

    @Test
    void itsJsonHasTheContractsFieldOrderInEveryRun() {
        SessionActivity activity = add(SessionActivity.empty("s1", "alice"), T0, T0.plusMillis(61_500));

        // Same input, same bytes: replays are compared byte for byte, and reflection order varies by JVM run.
        assertThat(new String(Json.write(activity), StandardCharsets.UTF_8)).isEqualTo(
                "{\"sessionKey\":\"s1\",\"user\":\"alice\",\"earlierBlocks\":null,\"blocks\":[{\"start\":\"2026-02-11T20:00:00Z\","
                        + "\"end\":\"2026-02-11T20:01:01.500Z\",\"activeSeconds\":61.5,\"events\":2,\"toolUses\":0,\"errors\":0}],"
                        + "\"totalActiveSeconds\":61.5,\"firstEvent\":\"2026-02-11T20:00:00Z\","
                        + "\"lastEvent\":\"2026-02-11T20:01:01.500Z\",\"wallClockSeconds\":61.5}");
    }

    private static SessionActivity add(SessionActivity activity, Instant... times) {
        SessionActivity result = activity;
        for (Instant time : List.of(times)) {
            result = result.plus(time, PLAIN, GAP);
        }
        return result;
    }
}
