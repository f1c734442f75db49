package io.sessionfriction.topology.state;

import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.event.SignalMatcher;
import io.sessionfriction.processor.topology.AlertStage;
import io.sessionfriction.processor.topology.FrictionTopology;
import io.sessionfriction.redaction.Redactor;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines;

/**
 * A replay's state is thrown away after the run, so with one stream thread its stores keep no changelog; a
 * task that Kafka Streams starts again would then start with empty stores, and the processor stops instead.
 */
class DisposableStateTest {

    private static final ProcessorSettings REPLAY = ProcessorSettings.defaults()
            .withTuning(ProcessorSettings.Tuning.THROUGHPUT)
            .withStorage(ProcessorSettings.StateStorage.DISPOSABLE)
            .withStreamThreads(1);

    @TempDir
    Path stateDir;

    @Test
    void aReplayRunByOneThreadWritesItsOutputsAndNoChangelog() {
        Topology topology = topology(REPLAY);
        try (TopologyTestDriver driver = driver(topology, REPLAY)) {
            aSessionOfThreeLines(driver, REPLAY);

            assertThat(driver.producedTopicNames()).contains("session-events-enriched", "session-activity", "command-progress")
                    .noneMatch(topic -> topic.endsWith("-changelog"));
        }
    }

    @Test
    void aLineSentAgainIsDroppedWhetherTheRepeatCheckKeepsItsIdsByKeyOrInItsWindowStore() {
        ProcessorSettings twoThreads = REPLAY.withStreamThreads(2);
        assertThat(REPLAY.seenIdsByKey()).as("one thread, no changelog").isTrue();
        assertThat(twoThreads.seenIdsByKey()).as("changelogged").isFalse();
        assertThat(ProcessorSettings.defaults().seenIdsByKey()).as("live").isFalse();

        for (ProcessorSettings settings : new ProcessorSettings[] {REPLAY, twoThreads}) {
            try (TopologyTestDriver driver = driver(topology(settings), settings)) {
                TestInputTopic<String, String> input = driver.createInputTopic(settings.topic(Topics.SESSION_EVENTS).name(),
                        Serdes.String().serializer(), Serdes.String().serializer());
                TranscriptLines.Line command = aBashToolUse("mvn -q verify");
                List<TranscriptLines.Line> lines = List.of(aUserPrompt("run the tests"), command,
                        aToolResult(command.toolUseId(), "BUILD SUCCESS"));
                for (int sent = 0; sent < 2; sent++) {
                    lines.forEach(line -> input.pipeInput("s1", line.json(), TranscriptLines.T0));
                }

                assertThat(driver.createOutputTopic(settings.topic(Topics.SESSION_EVENTS_ENRICHED).name(),
                        Serdes.String().deserializer(), Serdes.String().deserializer()).readValuesToList())
                        .as("threads %d", settings.streamThreads()).hasSize(3);
            }
        }
    }

    @Test
    void withMoreThanOneThreadEveryStoreKeepsItsChangelog() {
        ProcessorSettings twoThreads = REPLAY.withStreamThreads(2);
        try (TopologyTestDriver driver = driver(topology(twoThreads), twoThreads)) {
            aSessionOfThreeLines(driver, twoThreads);

            assertThat(driver.producedTopicNames()).contains(changelog(twoThreads, Topics.SEEN_EVENTS_STORE),
                    changelog(twoThreads, Topics.SESSION_BLOCKS_STORE), changelog(twoThreads, Topics.TOOL_USES_STORE),
                    changelog(twoThreads, Topics.COMMANDS_STORE));
        }
        assertThat(twoThreads.changelogged()).isTrue();
        assertThat(ProcessorSettings.defaults().changelogged()).as("live").isTrue();
    }

    @Test
    void aTaskThatStartsAgainAfterProcessingRecordsStopsTheProcessor() {
        Topology topology = topology(REPLAY);
        try (TopologyTestDriver first = driver(topology, REPLAY)) {
            aSessionOfThreeLines(first, REPLAY);
        }

        assertThatThrownBy(() -> driver(topology, REPLAY).close())
                .hasStackTraceContaining("Task 0_0 started again after it processed records")
                .hasStackTraceContaining("state is lost");
    }

    @Test
    void aTaskThatStartsAgainBeforeItsFirstRecordRunsOn() {
        Topology topology = topology(REPLAY);
        driver(topology, REPLAY).close();

        try (TopologyTestDriver again = driver(topology, REPLAY)) {
            aSessionOfThreeLines(again, REPLAY);

            assertThat(again.producedTopicNames()).contains("session-events-enriched");
        }
    }

    private static String changelog(ProcessorSettings settings, String store) {
        return settings.applicationId() + "-" + store + "-changelog";
    }

    private static Topology topology(ProcessorSettings settings) {
        return FrictionTopology.build(settings, Redactor.defaults(), SignalMatcher.NONE, AlertStage.NONE,
                new MeteredProcessorEvents(new SimpleMeterRegistry()), Clock.fixed(FrictionDriver.NOW, ZoneOffset.UTC));
    }

    private TopologyTestDriver driver(Topology topology, ProcessorSettings settings) {
        Properties props = settings.streamsProperties("unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new TopologyTestDriver(topology, props, FrictionDriver.NOW);
    }

    private static void aSessionOfThreeLines(TopologyTestDriver driver, ProcessorSettings settings) {
        TestInputTopic<String, String> input = driver.createInputTopic(settings.topic(Topics.SESSION_EVENTS).name(),
                Serdes.String().serializer(), Serdes.String().serializer());
        TranscriptLines.Line command = aBashToolUse("mvn -q verify");
        input.pipeInput("s1", aUserPrompt("run the tests").json(), TranscriptLines.T0);
        input.pipeInput("s1", command.json(), TranscriptLines.T0);
        input.pipeInput("s1", aToolResult(command.toolUseId(), "BUILD SUCCESS").json(), TranscriptLines.T0);
    }
}
