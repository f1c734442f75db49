package io.sessionfriction.topology.events;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aFileHistorySnapshot;
import static io.sessionfriction.topology.TranscriptLines.aQueueOperation;
import static io.sessionfriction.topology.TranscriptLines.aSummary;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anUnknownLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.event.DeadLetter;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.topology.FrictionDriver;

/** Given lines good and bad, every one comes out somewhere: enriched, or on the DLQ with its reason. */
class ParsingAndDeadLettersTest {

    @Test
    void malformedJsonGoesToTheDlqWithFileLineAndReasonAndTheSessionGoesOn() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice", aUserPrompt("load the churn table").at(T0));
            driver.pipeRaw("s1", "alice", "{\"type\":\"user\",\"message\":");          // cut mid-line
            driver.pipe("s1", "alice", aUserPrompt("and plot it").at(T0.plusSeconds(30)));

            List<DeadLetter> dead = driver.deadLetters();
            assertThat(dead).singleElement().satisfies(letter -> {
                assertThat(letter.source()).isEqualTo("processor");
                assertThat(letter.sessionKey()).isEqualTo("s1");
                assertThat(letter.user()).isEqualTo("alice");
                assertThat(letter.file()).isEqualTo("/data/user_sessions/alice/s1.jsonl");
                assertThat(letter.line()).isEqualTo(2L);
                assertThat(letter.error()).startsWith("malformed JSON");
                assertThat(letter.raw()).isEqualTo("{\"type\":\"user\",\"message\":");
            });
            assertThat(driver.enriched()).extracting(EnrichedEvent::text).containsExactly("load the churn table", "and plot it");
            assertThat(driver.counter(MeteredProcessorEvents.DEAD_LETTERS)).isEqualTo(1);
        }
    }

    @Test
    void twoObjectsGluedOnOneLineAreNotHalfRead() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipeRaw("s1", "alice", aUserPrompt("hi").at(T0).json() + aSummary("Churn analysis").json());

            assertThat(driver.deadLetters()).singleElement()
                    .satisfies(letter -> assertThat(letter.error()).startsWith("malformed JSON"));
            assertThat(driver.enriched()).isEmpty();
        }
    }

    @Test
    void aLineThatShouldHaveATimeButHasNoUsableOneGoesToTheDlq() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aUserPrompt("no time").without("timestamp"),                     // missing
                    aUserPrompt("bad time").with("timestamp", "yesterday at noon"),  // garbage
                    aUserPrompt("epoch time").with("timestamp", 1770840000000L));    // not ISO-8601

            assertThat(driver.deadLetters()).extracting(DeadLetter::error).containsExactly(
                    "missing timestamp on a USER_PROMPT line",
                    "unparsable timestamp: yesterday at noon",
                    "timestamp is not an ISO-8601 string: 1770840000000");
            assertThat(driver.enriched()).isEmpty();
            assertThat(driver.activity()).isEmpty();
        }
    }

    @Test
    void notAnObjectAndAnEmptyValueAreDeadLettersToo() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipeRaw("s1", "alice", "[1,2,3]");
            driver.pipeRaw("s1", "alice", "");

            assertThat(driver.deadLetters()).extracting(DeadLetter::error).containsExactly("not a JSON object", "empty value");
        }
    }

    @Test
    void untimedLinesPassThroughWithoutOpeningOrExtendingABlock() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aUserPrompt("start").at(T0),
                    aSummary("Churn analysis"),
                    aFileHistorySnapshot(),
                    aUserPrompt("five minutes later").at(T0.plus(Duration.ofMinutes(5))));

            List<EnrichedEvent> events = driver.enriched();
            assertThat(events).extracting(EnrichedEvent::kind).containsExactly(
                    EventKind.USER_PROMPT, EventKind.SUMMARY, EventKind.FILE_HISTORY_SNAPSHOT, EventKind.USER_PROMPT);
            assertThat(events.get(1).timestamp()).isNull();
            assertThat(events.get(1).block()).isNull();
            assertThat(events.get(1).sessionStart()).isEqualTo(T0);
            assertThat(events.get(1).text()).isEqualTo("Churn analysis");
            assertThat(driver.activity().get("s1").blocks()).singleElement()
                    .satisfies(block -> assertThat(block.events()).isEqualTo(2));
            assertThat(driver.deadLetters()).isEmpty();
        }
    }

    @Test
    void unknownTypesPassThroughNeverFail() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice", anUnknownLine("attachment").at(T0), anUnknownLine("hologram").without("timestamp"));

            assertThat(driver.enriched()).extracting(EnrichedEvent::kind, EnrichedEvent::type)
                    .containsExactly(tuple(EventKind.UNKNOWN, "attachment"),
                            tuple(EventKind.UNKNOWN, "hologram"));
            assertThat(driver.deadLetters()).isEmpty();
        }
    }

    @Test
    void aRepeatedLineIsDroppedByUuidAndALineWithoutOneWhenItIsTheSameOccurrenceOfTheSameFile() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            var prompt = aUserPrompt("sync the data").at(T0);
            var tool = aBashToolUse("rsync -a /data/in /data/out").at(T0.plusSeconds(2));
            var queued = aQueueOperation("<task-notification>done</task-notification>").at(T0.plusSeconds(3));
            driver.pipeFile("s1", "alice", "alice/s1.jsonl", prompt, tool, queued);
            driver.pipeFile("s1", "alice", "alice/s1.jsonl", prompt, tool, queued);   // the collector re-sent a rewritten file
            driver.pipe("s2", "bob", prompt);                                         // another session may hold the same uuid

            assertThat(driver.enriched()).extracting(EnrichedEvent::sessionKey, EnrichedEvent::kind).containsExactly(
                    tuple("s1", EventKind.USER_PROMPT),
                    tuple("s1", EventKind.TOOL_USE),
                    tuple("s1", EventKind.QUEUE_OPERATION),
                    tuple("s2", EventKind.USER_PROMPT));
            assertThat(driver.counter(MeteredProcessorEvents.DUPLICATES)).isEqualTo(3);
        }
    }

    @Test
    void identicalLinesWithoutUuidAreSeparateEventsEachConsumingAQueuedMessage() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            // Three removes in the same millisecond: three queued messages taken, three events.
            var remove = aQueueOperation("").with("operation", "remove").without("content").at(T0.plusSeconds(5));
            driver.pipeFile("s1", "alice", "alice/s1.jsonl", aUserPrompt("go").at(T0), remove, remove, remove);
            driver.pipeFile("s1", "alice", "alice/s1.jsonl", aUserPrompt("go").at(T0), remove, remove, remove);

            assertThat(driver.enriched()).extracting(EnrichedEvent::kind).containsExactly(EventKind.USER_PROMPT,
                    EventKind.QUEUE_OPERATION, EventKind.QUEUE_OPERATION, EventKind.QUEUE_OPERATION, EventKind.USER_PROMPT);
            // The second file's prompt is another line (a new uuid); its removes are the first file's, re-sent.
            assertThat(driver.counter(MeteredProcessorEvents.DUPLICATES)).isEqualTo(3);
        }
    }
}
