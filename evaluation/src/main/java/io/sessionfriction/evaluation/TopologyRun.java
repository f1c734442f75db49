package io.sessionfriction.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.event.SessionHeaders;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.processor.topology.FrictionTopology;

/**
 * One session through the real topology (FrictionTopology with the alert stage) on a TopologyTestDriver,
 * fed as the collector feeds it: key = session key, headers user/file/offset/line, each of a line's JSON
 * objects a record. The catalogue given should re-emit at every count ({@link RuleCatalogue#emittingAt}),
 * so that each occurrence is a record whose newest evidence is its line.
 */
final class TopologyRun {

    private static final Serde<FrictionAlert> ALERTS = Json.serde(FrictionAlert.class);

    private TopologyRun() {
    }

    /** Every alert record the session produces, on friction-alerts and friction-alerts-suppressed, in order. */
    static List<FrictionAlert> alerts(SessionTranscripts session, RuleCatalogue catalogue) {
        // Memory stores: the test driver commits after every record, and RocksDB would flush each time.
        ProcessorSettings settings = ProcessorSettings.defaults().withApplicationId("session-friction-evaluation")
                .withStorage(ProcessorSettings.StateStorage.IN_MEMORY);
        MeteredProcessorEvents events = new MeteredProcessorEvents(new SimpleMeterRegistry());
        FrictionAlertStage stage = new FrictionAlertStage(catalogue, FixesRegistry.empty(), settings, events);
        try (TopologyTestDriver driver = new TopologyTestDriver(
                FrictionTopology.build(settings, new RuleMatcher(catalogue), stage, events), settings.streamsProperties("unused:9092"))) {
            TestInputTopic<String, String> input = driver.createInputTopic(settings.topic(Topics.SESSION_EVENTS).name(),
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, FrictionAlert> live = output(driver, settings.topic(Topics.FRICTION_ALERTS).name());
            TestOutputTopic<String, FrictionAlert> suppressed = output(driver, settings.topic(Topics.FRICTION_ALERTS_SUPPRESSED).name());
            for (Transcript file : session.files()) {
                for (Transcript.Line line : file.lines()) {
                    for (String object : line.objects()) {
                        input.pipeInput(new TestRecord<>(session.sessionKey(), object, headers(file, line), Instant.EPOCH));
                    }
                }
            }
            List<FrictionAlert> alerts = new ArrayList<>(live.readValuesToList());
            alerts.addAll(suppressed.readValuesToList());
            return alerts;
        }
    }

    private static TestOutputTopic<String, FrictionAlert> output(TopologyTestDriver driver, String topic) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), ALERTS.deserializer());
    }

    private static RecordHeaders headers(Transcript file, Transcript.Line line) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(SessionHeaders.USER, bytes(file.user()));
        headers.add(SessionHeaders.FILE, bytes(file.relativePath()));
        headers.add(SessionHeaders.OFFSET, bytes(Long.toString(line.offset())));
        headers.add(SessionHeaders.LINE, bytes(Long.toString(line.number())));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
