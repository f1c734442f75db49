package io.sessionfriction.topology;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.activity.LateEvent;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.event.DeadLetter;
import io.sessionfriction.processor.event.DeadLetterOnFailure;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.SignalMatcher;
import io.sessionfriction.processor.progress.CommandProgress;
import io.sessionfriction.processor.topology.AlertStage;
import io.sessionfriction.processor.topology.FrictionTopology;
import io.sessionfriction.redaction.Redactor;

/**
 * The whole topology on a {@link TopologyTestDriver}, fed as the collector feeds it (key = session key,
 * headers user/file/offset/line) and read back through the {@link Topics} serdes.
 * {@code try (FrictionDriver driver = FrictionDriver.start()) { driver.pipe("s1", "alice", lines...); }}
 * Each reader ({@link #enriched()}, {@link #activity()}, ...) drains what was produced since its last call.
 */
public final class FrictionDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, String> sessionEvents;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicLong offset = new AtomicLong();
    private final TestOutputTopic<String, EnrichedEvent> enriched;
    private final TestOutputTopic<String, SessionActivity> activity;
    private final TestOutputTopic<String, CommandProgress> commands;
    private final TestOutputTopic<String, DeadLetter> deadLetters;
    private final TestOutputTopic<String, LateEvent> late;

    /**
     * The processor's clock in these specifications, unless a test sets it: a year after {@link TranscriptLines#T0},
     * later than any line they pipe, so only lines meant to be in the future are.
     */
    public static final Instant NOW = TranscriptLines.T0.plus(Duration.ofDays(365));

    private FrictionDriver(ProcessorSettings settings, SignalMatcher matcher, AlertStage alerts, Instant now) {
        // In memory: the test driver commits after every record, and RocksDB's flush and fsync per commit
        // would cost ~10 ms a line. The topology and its semantics are the same.
        ProcessorSettings inMemory = settings.withStorage(ProcessorSettings.StateStorage.IN_MEMORY);
        MeteredProcessorEvents events = new MeteredProcessorEvents(meters);
        Properties props = inMemory.streamsProperties("unused:9092");
        props.put(DeadLetterOnFailure.EVENTS_CONFIG, events);
        driver = new TopologyTestDriver(
                FrictionTopology.build(inMemory, Redactor.defaults(), matcher, alerts, events, Clock.fixed(now, ZoneOffset.UTC)), props, now);
        sessionEvents = driver.createInputTopic(inMemory.topic(Topics.SESSION_EVENTS).name(), Serdes.String().serializer(),
                Serdes.String().serializer());
        enriched = output(inMemory.topic(Topics.SESSION_EVENTS_ENRICHED));
        activity = output(inMemory.topic(Topics.SESSION_ACTIVITY));
        commands = output(inMemory.topic(Topics.COMMAND_PROGRESS));
        deadLetters = output(inMemory.topic(Topics.SESSION_EVENTS_DLQ));
        late = output(inMemory.topic(Topics.SESSION_EVENTS_LATE));
    }

    public static FrictionDriver start() {
        return start(ProcessorSettings.defaults());
    }

    public static FrictionDriver start(ProcessorSettings settings) {
        return start(settings, SignalMatcher.NONE, AlertStage.NONE);
    }

    public static FrictionDriver start(ProcessorSettings settings, SignalMatcher matcher, AlertStage alerts) {
        return new FrictionDriver(settings, matcher, alerts, NOW);
    }

    /** With the processor's clock (and the driver's wall clock) at {@code now}. */
    public static FrictionDriver startAt(Instant now) {
        return new FrictionDriver(ProcessorSettings.defaults(), SignalMatcher.NONE, AlertStage.NONE, now);
    }

    /** Pipes lines of one session's transcript, in the given order, as the collector would. */
    public FrictionDriver pipe(String sessionKey, String user, TranscriptLines.Line... lines) {
        for (TranscriptLines.Line line : lines) {
            pipeRaw(sessionKey, user, line.json());
        }
        return this;
    }

    public FrictionDriver pipe(String sessionKey, String user, List<TranscriptLines.Line> lines) {
        return pipe(sessionKey, user, lines.toArray(TranscriptLines.Line[]::new));
    }

    /**
     * Pipes lines as the collector reads one file from its start: headers name {@code file} and number
     * the lines 1, 2, ... So piping the same file again is what a collector re-sending a rewritten file does.
     */
    public FrictionDriver pipeFile(String sessionKey, String user, String file, TranscriptLines.Line... lines) {
        for (int i = 0; i < lines.length; i++) {
            pipe(sessionKey, user, file, i + 1, lines[i].json(), TranscriptLines.T0);
        }
        return this;
    }

    /** Pipes one raw value (e.g. a malformed line) with the collector's headers. */
    public FrictionDriver pipeRaw(String sessionKey, String user, String value) {
        return pipeRaw(sessionKey, user, value, TranscriptLines.T0);
    }

    /** Pipes lines whose Kafka records were produced at {@code producedAt} (a replay produces today what happened last week). */
    public FrictionDriver pipeProducedAt(Instant producedAt, String sessionKey, String user, TranscriptLines.Line... lines) {
        for (TranscriptLines.Line line : lines) {
            pipeRaw(sessionKey, user, line.json(), producedAt);
        }
        return this;
    }

    private FrictionDriver pipeRaw(String sessionKey, String user, String value, Instant producedAt) {
        return pipe(sessionKey, user, "/data/user_sessions/" + user + "/" + sessionKey + ".jsonl", offset.incrementAndGet(), value, producedAt);
    }

    private FrictionDriver pipe(String sessionKey, String user, String file, long lineNumber, String value, Instant producedAt) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("user", bytes(user));
        headers.add("file", bytes(file));
        headers.add("offset", bytes(Long.toString(lineNumber * 1000)));
        headers.add("line", bytes(Long.toString(lineNumber)));
        sessionEvents.pipeInput(new TestRecord<>(sessionKey, value, headers, producedAt));
        return this;
    }

    public List<EnrichedEvent> enriched() {
        return enriched.readValuesToList();
    }

    /** The latest activity per session, as a consumer overwriting by key sees it. */
    public Map<String, SessionActivity> activity() {
        return new LinkedHashMap<>(activity.readKeyValuesToMap());
    }

    /** Every activity record, in order (to see provisional values corrected). */
    public List<SessionActivity> activityUpdates() {
        return activity.readValuesToList();
    }

    /** The latest state per command key ({@code sessionKey|toolUseId}). */
    public Map<String, CommandProgress> commands() {
        return new LinkedHashMap<>(commands.readKeyValuesToMap());
    }

    public List<CommandProgress> commandUpdates() {
        return commands.readValuesToList();
    }

    public List<DeadLetter> deadLetters() {
        return deadLetters.readValuesToList();
    }

    public List<LateEvent> late() {
        return late.readValuesToList();
    }

    /**
     * Every record written so far to every topic, changelogs included, as bytes by topic name. It drains
     * what the readers above would return: call it last.
     */
    public Map<String, List<TestRecord<byte[], byte[]>>> everyRecordWritten() {
        Map<String, List<TestRecord<byte[], byte[]>>> written = new TreeMap<>();
        for (String topic : driver.producedTopicNames()) {
            written.put(topic, driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList());
        }
        return written;
    }

    /** The value of one of {@link MeteredProcessorEvents}' counters, summed over its tags. */
    public double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    private <V> TestOutputTopic<String, V> output(Topics.Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
