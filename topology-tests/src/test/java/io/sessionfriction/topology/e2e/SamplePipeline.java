package io.sessionfriction.topology.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.Fix;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.samples.SampleGenerator;
import io.sessionfriction.testsupport.SharedBroker;
import io.sessionfriction.topology.TranscriptLines;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * The shipped samples through the collector, a real broker and the processor, run once and shared by
 * every test class that asks for one ({@link Extension}; closed when the test run ends).
 *
 * <p>The samples are written by their generator with every time moved so that their last line is a minute
 * old when the run starts: a real Alertmanager keeps real time, so "recent" must be recent on its clock.
 * Beside them, what the samples lack so that every topic gets records: a fix suppressing
 * {@code context-overflow} (bob's resumed session started before it), and one more transcript,
 * {@code zed/}, read last, whose two lines the processor refuses (no timestamp: the DLQ; ten days older
 * than the rest: the late topic). One partition per topic, so the late line meets the samples' stream time.
 */
public final class SamplePipeline implements AutoCloseable {

    /** Resolves a {@code SamplePipeline} parameter (of a {@code @BeforeAll} method, say) to the shared run. */
    public static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SamplePipeline.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SamplePipeline.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SamplePipeline.class, type -> start(), SamplePipeline.class);
        }
    }

    public static final String APPLICATION_ID = "samples-e2e";
    public static final String FIX_REFERENCE = "FRIC-7: compaction tuned";
    public static final String COLLECTOR_OFFSETS = CollectorConfig.defaults(Path.of("."), "unused").offsetsTopic();

    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    private final SharedBroker kafka;
    private final Path root;
    private final Instant lastSampleEvent;
    private final RunningProcessor processor;
    private final Collector collector;
    private final Admin admin;

    private SamplePipeline(SharedBroker kafka, Path root, Instant lastSampleEvent, RunningProcessor processor,
            Collector collector) {
        this.kafka = kafka;
        this.root = root;
        this.lastSampleEvent = lastSampleEvent;
        this.processor = processor;
        this.collector = collector;
        this.admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    static SamplePipeline start() {
        try {
            Path work = Files.createTempDirectory("sample-pipeline-");
            Path root = Files.createDirectories(work.resolve("sessions"));
            Instant lastSampleEvent = writeRecentSamples(root, work.resolve("as-shipped"));
            writeRefusedLines(root, lastSampleEvent);
            SharedBroker kafka = KafkaFixture.perClass();
            kafka.start();
            CollectorConfig config = CollectorConfig.defaults(root, kafka.bootstrapServers()).withTransactionalId("samples-e2e");
            List<NewTopic> topics = new ArrayList<>(Topics.newTopics(1));
            Collector.topics(config, 1).stream().filter(t -> topics.stream().noneMatch(e -> e.name().equals(t.name())))
                    .forEach(topics::add);
            kafka.createTopics(topics);
            FixesRegistry fixes = new FixesRegistry(List.of(new Fix("context-overflow", null, Instant.now(), FIX_REFERENCE)));
            RunningProcessor processor = RunningProcessor.start(kafka, APPLICATION_ID, Files.createDirectories(work.resolve("state")), fixes);
            SamplePipeline pipeline = new SamplePipeline(kafka, root, lastSampleEvent, processor,
                    Collector.create(config, new SimpleMeterRegistry()));
            pipeline.collectAndProcess();
            return pipeline;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generator's samples, every time moved by one shift; returns their last event time after the shift. */
    private static Instant writeRecentSamples(Path root, Path asShipped) throws IOException {
        new SampleGenerator(SampleGenerator.DEFAULT_SEED, SampleGenerator.DEFAULT_BASE_TIME).writeSamples(asShipped);
        Instant shippedEnd = lastEventTime(asShipped);
        Duration shift = Duration.between(shippedEnd, Instant.now().minus(Duration.ofMinutes(1))).truncatedTo(ChronoUnit.SECONDS);
        new SampleGenerator(SampleGenerator.DEFAULT_SEED, SampleGenerator.DEFAULT_BASE_TIME.plus(shift)).writeSamples(root);
        return shippedEnd.plus(shift);
    }

    private static void writeRefusedLines(Path root, Instant lastSampleEvent) throws IOException {
        Line noTimestamp = TranscriptLines.aUserPrompt("what is in the export folder?").without("timestamp");
        Line tenDaysOlder = TranscriptLines.aUserPrompt("an old prompt copied in late")
                .at(lastSampleEvent.minus(Duration.ofDays(14)));
        Path folder = Files.createDirectories(root.resolve("zed"));
        Files.writeString(folder.resolve(lastSampleEvent.toString().substring(0, 10) + "_" + UUID.nameUUIDFromBytes(
                "zed".getBytes(StandardCharsets.UTF_8)) + ".jsonl"), noTimestamp.json() + "\n" + tenDaysOlder.json() + "\n");
    }

    private static Instant lastEventTime(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".jsonl")).flatMap(SamplePipeline::timestamps)
                    .max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    private static Stream<Instant> timestamps(Path file) {
        try {
            Matcher matcher = TIMESTAMP.matcher(Files.readString(file));
            List<Instant> times = new ArrayList<>();
            while (matcher.find()) {
                times.add(Instant.parse(matcher.group(1)));
            }
            return times.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SharedBroker kafka() {
        return kafka;
    }

    /** The samples' last event time: a minute before the run started. */
    public Instant lastSampleEvent() {
        return lastSampleEvent;
    }

    /** Appends lines to {@code user}'s transcript of {@code sessionId} (created if new), then collects and processes them. */
    public void append(String user, String sessionId, List<Line> lines) {
        Path file = root.resolve(user).resolve(Instant.now().toString().substring(0, 10) + "_" + sessionId + ".jsonl");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines.stream().map(Line::json).collect(Collectors.joining("\n", "", "\n")),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        collectAndProcess();
    }

    private synchronized void collectAndProcess() {
        collector.runUntilCaughtUp();
        Awaitility.await("the processor to consume session-events").atMost(BOUND).pollInterval(Duration.ofMillis(200))
                .until(this::processedEverything);
    }

    private boolean processedEverything() throws Exception {
        Map<TopicPartition, Long> ends = settledEnds(Topics.SESSION_EVENTS.name());
        Map<TopicPartition, Long> committed = committed();
        return ends != null && ends.entrySet().stream().allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    /** Every committed record of {@code topic} so far, as read_committed consumers see them. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        Map<TopicPartition, Long> ends = Awaitility.await("settled ends of " + topic).atMost(BOUND)
                .until(() -> settledEnds(topic), e -> e != null);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to " + ends + " in " + BOUND);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private Map<TopicPartition, Long> committed() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition.topic().equals(Topics.SESSION_EVENTS.name()) && offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** End offsets once no transaction marker is still to be written (read_committed and uncommitted ends agree), else null. */
    private Map<TopicPartition, Long> settledEnds(String topic) throws Exception {
        Map<TopicPartition, Long> committed = ends(topic, IsolationLevel.READ_COMMITTED);
        return committed.equals(ends(topic, IsolationLevel.READ_UNCOMMITTED)) ? committed : null;
    }

    private Map<TopicPartition, Long> ends(String topic, IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = Map.of(new TopicPartition(topic, 0), OffsetSpec.latest());
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get()
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    @Override
    public void close() throws Exception {
        admin.close();
        collector.close();
        processor.close();
        kafka.close();
    }
}
