package io.sessionfriction.processor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SessionContextTest {

    private static final Instant T0 = Instant.parse("2026-02-11T20:00:00Z");
    private static final Duration GAP = Duration.ofMinutes(10);

    @Test
    void aGapOverTheThresholdStartsANewBlockAndForgetsTheLoopsOfTheOld() {
        SessionContext context = SessionContext.empty().observe(T0, GAP)
                .withLoop("make", SessionContext.LoopCount.NONE.run().run());

        SessionContext sameBlock = context.observe(T0.plus(GAP), GAP);
        SessionContext newBlock = context.observe(T0.plus(GAP).plusMillis(1), GAP);

        assertThat(sameBlock.blockStart()).isEqualTo(T0);
        assertThat(sameBlock.loop("make").runs()).isEqualTo(2);
        assertThat(newBlock.blockStart()).isEqualTo(T0.plus(GAP).plusMillis(1));
        assertThat(newBlock.loop("make").runs()).isZero();
        assertThat(newBlock.sessionStart()).isEqualTo(T0);
    }

    @Test
    void aLineSlightlyBackInTimeWidensTheBlockAndALateOneFromAnOlderBlockDoesNot() {
        SessionContext context = SessionContext.empty().observe(T0, GAP);

        assertThat(context.observe(T0.minusSeconds(2), GAP).blockStart()).isEqualTo(T0.minusSeconds(2));
        SessionContext late = context.observe(T0.minus(Duration.ofDays(2)), GAP);
        assertThat(late.blockStart()).isEqualTo(T0);
        assertThat(late.lastEventTime()).isEqualTo(T0);
        assertThat(late.sessionStart()).isEqualTo(T0.minus(Duration.ofDays(2)));
    }

    @Test
    void onlyTheLastThreePromptsAreKeptEachCapped() {
        SessionContext context = SessionContext.empty();
        for (String prompt : new String[] {"one", "two", "three", "four", "x".repeat(600)}) {
            context = context.withPrompt(prompt, prompt);
        }

        assertThat(context.lastPrompts()).containsExactly("three", "four", "x".repeat(500) + "…");
    }

    @Test
    void aBlockOfTooManyCommandsForgetsOneThatRanLeastTheFirstByNameAmongEquals() {
        SessionContext.LoopCount once = SessionContext.LoopCount.NONE.run();
        SessionContext.LoopCount twice = once.run();
        SessionContext context = SessionContext.empty().observe(T0, GAP);
        for (int i = SessionContext.LOOPS_KEPT; i > 0; i--) {
            context = context.withLoop(String.format("cmd-%03d", i), i == 7 ? once : twice);
        }
        SessionContext full = context.withLoop("cmd-300", once);
        SessionContext tied = full.withLoop("cmd-150", once).withLoop("cmd-301", once);

        assertThat(full.loops()).hasSize(SessionContext.LOOPS_KEPT).doesNotContainKey("cmd-007").containsKey("cmd-300");
        assertThat(tied.loops()).hasSize(SessionContext.LOOPS_KEPT).doesNotContainKey("cmd-150")
                .containsKeys("cmd-300", "cmd-301");
    }
}
