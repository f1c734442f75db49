package io.sessionfriction.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.TopologyException;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.event.SignalMatcher;

class FrictionTopologyTest {

    private static final Pattern KEBAB = Pattern.compile("[a-z]+(-[a-z]+)*");

    private final TopologyDescription description = FrictionTopology.build(ProcessorSettings.defaults(), SignalMatcher.NONE,
            AlertStage.NONE, new MeteredProcessorEvents(new SimpleMeterRegistry())).describe();

    @Test
    void everyNodeAndStoreIsNamedInKebabCase() {
        Set<String> names = new HashSet<>();
        description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> {
            names.add(node.name());
            if (node instanceof TopologyDescription.Processor processor) {
                names.addAll(processor.stores());
            }
        }));

        assertThat(names).isNotEmpty();
        assertThat(names.stream().filter(name -> !KEBAB.matcher(name).matches()).toList()).as("not kebab-case, or generated").isEmpty();
        assertThat(names).contains("session-events-source", "parse-lines", "drop-repeats", "judge-lateness", "place-in-blocks",
                "enrich-events", "track-commands", Topics.SEEN_EVENTS_STORE, Topics.SESSION_BLOCKS_STORE, Topics.TOOL_USES_STORE,
                Topics.COMMANDS_STORE);
    }

    @Test
    void anAlertStageWithAnUnnamedStoreFailsTheBuild() {
        AlertStage unnamed = enriched -> enriched.groupByKey().count();

        assertThatThrownBy(() -> FrictionTopology.build(ProcessorSettings.defaults(), SignalMatcher.NONE, unnamed,
                new MeteredProcessorEvents(new SimpleMeterRegistry())))
                .isInstanceOf(TopologyException.class).hasMessageContaining("has not been named");
    }

    @Test
    void itReadsOneTopicAndWritesTheFiveOutputsWithoutRepartitioning() {
        assertThat(description.subtopologies()).hasSize(1);
        Set<String> sinks = new HashSet<>();
        description.subtopologies().forEach(sub -> sub.nodes().stream()
                .filter(TopologyDescription.Sink.class::isInstance)
                .forEach(node -> sinks.add(((TopologyDescription.Sink) node).topic())));

        assertThat(sinks).containsExactlyInAnyOrder("session-events-dlq", "session-events-late", "session-activity",
                "session-events-enriched", "command-progress");
    }

    @Test
    void productionPropertiesAreExactlyOnceLowLatencyAndExplicitlyNamed() {
        Properties props = ProcessorSettings.defaults().streamsProperties("broker:9092");

        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L)
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L)
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "session-friction-processor");
    }

    @Test
    void replayPropertiesStayExactlyOnceButCommitEverySecondWithARecordCache() {
        Properties props = ProcessorSettings.defaults().withTuning(ProcessorSettings.Tuning.THROUGHPUT)
                .streamsProperties("broker:9092");

        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L)
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
    }

    @Test
    void everyTopicIsCreatedOnceAndTheLatestValueTopicsAreCompacted() {
        var topics = Topics.newTopics(3);

        assertThat(topics).extracting(NewTopic::name).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "session-events", "session-events-dlq", "session-events-late", "session-events-enriched", "session-activity",
                "command-progress", "friction-alerts", "friction-alerts-suppressed");
        assertThat(topics).allMatch(topic -> topic.numPartitions() == 3);
        assertThat(topics).filteredOn(topic -> topic.configs() != null && "compact".equals(topic.configs().get("cleanup.policy")))
                .extracting(NewTopic::name).containsExactlyInAnyOrder("session-activity", "command-progress");
    }
}
