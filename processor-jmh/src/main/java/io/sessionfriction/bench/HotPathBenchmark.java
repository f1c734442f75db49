package io.sessionfriction.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventClassifier;
import io.sessionfriction.processor.event.EventTimestampExtractor;
import io.sessionfriction.processor.event.SessionHeaders;
import io.sessionfriction.processor.event.TranscriptLine;
import io.sessionfriction.processor.event.TranscriptLineSerde;
import io.sessionfriction.processor.rules.MatchClause;
import io.sessionfriction.processor.rules.Rule;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.processor.topology.FrictionTopology;

/**
 * The processor's per-line hot paths besides redaction ({@link RedactionBenchmark}); one op is one pass over
 * every line of a corpus. {@code parseAndClassify}: a line from its text to its tree and event kind.
 * {@code extractEventTimes}: the timestamp extractor on each parsed line (its kind, then its time), as Kafka
 * Streams asks it for every record before the topology reads the line's time once more.
 * {@code matchRules}: the shipped line rules on each enriched line, as the enrichment runs them (each regex
 * behind its literal pre-filter); {@code everyRuleRegex} is what that pre-filter spares, every clause's
 * regex on its field of every line. The enriched lines are made in the set-up by the real topology on a
 * TopologyTestDriver, enriched without rules. {@code writeOutputs}: those enriched events and the sessions'
 * activity updates serialised as the sinks serialise them. Run with {@code -prof gc} (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HotPathBenchmark {

    /** Transcripts to read (every {@code *.jsonl} below): the team's real ones, or any corpus, e.g. {@code samples/sessions}. */
    @Param("../shared/data/real-sessions")
    public String corpus;

    private final RuleCatalogue catalogue = RuleCatalogue.defaults();
    private final RuleMatcher matcher = new RuleMatcher(catalogue);
    private List<String> lines;
    private List<ConsumerRecord<Object, Object>> parsedRecords;
    private final EventTimestampExtractor extractor =
            new EventTimestampExtractor(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    private List<EnrichedEvent> enriched;
    private List<SessionActivity> activity;
    private final Serializer<EnrichedEvent> enrichedSerializer = Topics.SESSION_EVENTS_ENRICHED.valueSerde().serializer();
    private final Serializer<SessionActivity> activitySerializer = Topics.SESSION_ACTIVITY.valueSerde().serializer();

    @Setup
    public void readCorpus() throws IOException {
        List<List<String>> files = TranscriptCorpus.files(corpus);
        lines = files.stream().flatMap(List::stream).toList();
        parsedRecords = lines.stream().map(TranscriptLineSerde::parse).filter(TranscriptLine::isParsed)
                .map(line -> new ConsumerRecord<Object, Object>(Topics.SESSION_EVENTS.name(), 0, 0, null, line)).toList();
        Outputs outputs = enrich(files);
        enriched = outputs.enriched();
        activity = outputs.activity();
    }

    @Benchmark
    public void parseAndClassify(Blackhole sink) {
        for (String line : lines) {
            TranscriptLine parsed = TranscriptLineSerde.parse(line);
            if (parsed.isParsed()) {
                sink.consume(EventClassifier.classify(parsed.json()));
            }
        }
    }

    @Benchmark
    public void extractEventTimes(Blackhole sink) {
        for (ConsumerRecord<Object, Object> record : parsedRecords) {
            sink.consume(extractor.extract(record, 0));
        }
    }

    @Benchmark
    public void matchRules(Blackhole sink) {
        for (EnrichedEvent event : enriched) {
            sink.consume(matcher.match(event));
        }
    }

    @Benchmark
    public void everyRuleRegex(Blackhole sink) {
        for (EnrichedEvent event : enriched) {
            for (Rule rule : catalogue.lineRules()) {
                for (MatchClause clause : rule.match()) {
                    String value = clause.field().read(event);
                    if (value != null) {
                        sink.consume(clause.regex().pattern().matcher(value).find());
                    }
                }
            }
        }
    }

    /** What the topology writes per line: its enriched event, and its session's activity (every block) where it changed. */
    @Benchmark
    public void writeOutputs(Blackhole sink) {
        for (EnrichedEvent event : enriched) {
            sink.consume(enrichedSerializer.serialize(Topics.SESSION_EVENTS_ENRICHED.name(), event));
        }
        for (SessionActivity update : activity) {
            sink.consume(activitySerializer.serialize(Topics.SESSION_ACTIVITY.name(), update));
        }
    }

    private record Outputs(List<EnrichedEvent> enriched, List<SessionActivity> activity) {
    }

    /** Each file as one session, through the whole topology in memory, enriched without rules. */
    private static Outputs enrich(List<List<String>> files) {
        ProcessorSettings settings = ProcessorSettings.defaults().withStorage(ProcessorSettings.StateStorage.IN_MEMORY);
        Properties props = settings.streamsProperties("unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(FrictionTopology.build(settings, event -> List.of(), stream -> { },
                new MeteredProcessorEvents(new SimpleMeterRegistry())), props, Instant.parse("2026-01-01T00:00:00Z"))) {
            TestInputTopic<String, String> input = driver.createInputTopic(settings.topic(Topics.SESSION_EVENTS).name(),
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, EnrichedEvent> output = driver.createOutputTopic(
                    settings.topic(Topics.SESSION_EVENTS_ENRICHED).name(), Serdes.String().deserializer(),
                    Topics.SESSION_EVENTS_ENRICHED.valueSerde().deserializer());
            TestOutputTopic<String, SessionActivity> activityOutput = driver.createOutputTopic(
                    settings.topic(Topics.SESSION_ACTIVITY).name(), Serdes.String().deserializer(),
                    Topics.SESSION_ACTIVITY.valueSerde().deserializer());
            List<EnrichedEvent> enriched = new ArrayList<>();
            List<SessionActivity> activity = new ArrayList<>();
            for (int f = 0; f < files.size(); f++) {
                for (String line : files.get(f)) {
                    RecordHeaders headers = new RecordHeaders();
                    headers.add(SessionHeaders.USER, "bench".getBytes(StandardCharsets.UTF_8));
                    input.pipeInput(new TestRecord<>("session-" + f, line, headers));
                }
                enriched.addAll(output.readValuesToList());
                activity.addAll(activityOutput.readValuesToList());
            }
            return new Outputs(enriched, activity);
        }
    }
}
