package io.sessionfriction.topology.events;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.SignalMatcher;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.processor.topology.AlertStage;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;

/** A stage that throws on a line (a bug: bad input is data) costs that line, never the partition: it goes to the DLQ. */
class StageFailuresTest {

    /** A stage with a bug that only one kind of line shows. */
    private static final AlertStage FAILS_ON_BOOM = enriched -> enriched.process(
            () -> new Processor<String, EnrichedEvent, Void, Void>() {
                @Override
                public void process(Record<String, EnrichedEvent> record) {
                    if ("boom".equals(record.value().text())) {
                        throw new IllegalStateException("a bug met its line");
                    }
                }
            }, Named.as("buggy-stage"));

    /** Found by fuzz.PipelineFuzzTest: the alert stage threw on a successful result whose tool_use it never saw. */
    @Test
    void aSuccessfulResultOfAToolUseNeverSeenMakesNoStageFail() {
        RuleCatalogue rules = RuleCatalogue.defaults();
        ProcessorSettings settings = ProcessorSettings.defaults();
        try (FrictionDriver driver = FrictionDriver.start(settings, new RuleMatcher(rules),
                new FrictionAlertStage(rules, FixesRegistry.empty(), settings, new MeteredProcessorEvents(new SimpleMeterRegistry())))) {
            driver.pipe("s1", "alice", aUserPrompt("go on").at(T0), aToolResult("toolu_never_seen", "done").at(T0.plusSeconds(3)));

            assertThat(driver.deadLetters()).isEmpty();
            assertThat(driver.enriched()).hasSize(2);
        }
    }

    @Test
    void aLineOnWhichAStageThrowsIsADeadLetterWithTheStageAndTheSessionGoesOn() {
        try (FrictionDriver driver = FrictionDriver.start(ProcessorSettings.defaults(), SignalMatcher.NONE, FAILS_ON_BOOM)) {
            Line boom = aUserPrompt("boom").at(T0.plusSeconds(5));
            Line after = aUserPrompt("and after").at(T0.plusSeconds(9));
            driver.pipe("s1", "alice", aUserPrompt("before").at(T0), boom, after);

            assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.error()).isEqualTo("processing failed in buggy-stage: java.lang.IllegalStateException: a bug met its line");
                assertThat(letter.sessionKey()).isEqualTo("s1");
                assertThat(letter.user()).isEqualTo("alice");
                assertThat(letter.line()).isEqualTo(2L);
                assertThat(letter.raw()).isEqualTo(boom.json());
            });
            assertThat(driver.enriched()).extracting(EnrichedEvent::text).contains("before", "and after");
            assertThat(driver.counter(MeteredProcessorEvents.DEAD_LETTERS)).isEqualTo(1);
        }
    }
}
