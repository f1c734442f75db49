package io.sessionfriction.topology.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.collector.CollectorStats;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.topology.TranscriptLines.Line;
import io.sessionfriction.topology.e2e.CommittedRecords;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.e2e.RunningProcessor;

/**
 * One test's own pipeline on a broker shared by its class: topics under the test's prefix, a sessions
 * folder, the collector and the processor with their production settings (exactly_once_v2, RocksDB).
 */
final class TestPipeline {

    private final String bootstrapServers;
    private final Consumer<List<NewTopic>> topicCreator;
    private final String prefix;
    private final Path sessions;
    private final Path stateDir;

    TestPipeline(SharedBroker kafka, String prefix, Path sessions, Path stateDir) {
        this(kafka.bootstrapServers(), kafka::createTopics, prefix, sessions, stateDir);
    }

    TestPipeline(StandaloneBroker broker, String prefix, Path sessions, Path stateDir) {
        this(broker.bootstrapServers(), broker::createTopics, prefix, sessions, stateDir);
    }

    private TestPipeline(String bootstrapServers, Consumer<List<NewTopic>> topicCreator, String prefix, Path sessions,
            Path stateDir) {
        this.bootstrapServers = bootstrapServers;
        this.topicCreator = topicCreator;
        this.prefix = prefix;
        this.sessions = sessions;
        this.stateDir = stateDir;
    }

    /** Every topic of the collector and the processor, on {@code partitions} partitions. */
    TestPipeline withTopics(int partitions) {
        List<NewTopic> topics = new ArrayList<>(Collector.topics(collectorConfig(), partitions));
        Topics.newTopics(partitions, prefix, Map.of()).stream()
                .filter(topic -> topics.stream().noneMatch(created -> created.name().equals(topic.name())))
                .forEach(topics::add);
        topicCreator.accept(topics);
        return this;
    }

    ProcessorSettings processorSettings() {
        return ProcessorSettings.defaults().withApplicationId(prefix + "processor").withTopicPrefix(prefix);
    }

    CollectorConfig collectorConfig() {
        return CollectorConfig.defaults(sessions, bootstrapServers)
                .withTopics(prefix + "session-events", prefix + "session-events-dlq", prefix + "collector-offsets")
                .withTransactionalId(prefix + "collector");
    }

    /** Writes a transcript, one line each, as Claude Code does. */
    void write(String user, String fileName, List<Line> lines) throws IOException {
        Path folder = Files.createDirectories(sessions.resolve(user));
        Files.writeString(folder.resolve(fileName), jsonl(lines), StandardCharsets.UTF_8);
    }

    /** Appends lines to a transcript (created if new), as a growing session does. */
    void append(String user, String fileName, List<Line> lines) throws IOException {
        Path folder = Files.createDirectories(sessions.resolve(user));
        Files.writeString(folder.resolve(fileName), jsonl(lines), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String jsonl(List<Line> lines) {
        return lines.stream().map(Line::json).collect(Collectors.joining("\n", "", "\n"));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String prefix() {
        return prefix;
    }

    void write(String user, String fileName, Line... lines) throws IOException {
        write(user, fileName, Stream.of(lines).toList());
    }

    /** The collector once over the folder, as {@code collect --once}. */
    CollectorStats collectOnce() {
        try (Collector collector = Collector.create(collectorConfig(), new SimpleMeterRegistry())) {
            return collector.runUntilCaughtUp();
        }
    }

    RunningProcessor startProcessor() {
        return RunningProcessor.start(bootstrapServers, processorSettings(), stateDir);
    }

    /** What read_committed consumers of this pipeline's copy of {@code topic} see. */
    <V> List<ConsumerRecord<String, V>> read(Topics.Topic<String, V> topic, Predicate<List<ConsumerRecord<String, V>>> done) {
        return CommittedRecords.read(bootstrapServers, processorSettings().topic(topic), done);
    }
}
