package io.sessionfriction.topology.alert;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines;

/**
 * The whole topology with the shipped rules and the alert stage, on a TopologyTestDriver; lines go in
 * as one analyst's session, alerts come out as consumers of the two alert topics read them.
 */
final class AlertDriver implements AutoCloseable {

    static final String SESSION = "258c7280-ae70-4798-800f-63464d01a85d";
    static final String USER = "alice";
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FrictionDriver driver;
    private final TestOutputTopic<String, FrictionAlert> alerts;
    private final TestOutputTopic<String, FrictionAlert> suppressed;

    private AlertDriver(RuleCatalogue catalogue, FixesRegistry fixes) {
        // An application id of its own: its state directory must not collide with other test JVMs'.
        // Memory stores, as the driver's: the test driver commits (and RocksDB would flush) after every record.
        ProcessorSettings settings = ProcessorSettings.defaults().withApplicationId("alert-specs-" + INSTANCES.incrementAndGet())
                .withStorage(ProcessorSettings.StateStorage.IN_MEMORY);
        driver = FrictionDriver.start(settings, new RuleMatcher(catalogue),
                new FrictionAlertStage(catalogue, fixes, settings, new MeteredProcessorEvents(meters, catalogue.rules())));
        Serde<FrictionAlert> serde = Json.serde(FrictionAlert.class);
        alerts = driver.driver().createOutputTopic(Topics.FRICTION_ALERTS.name(), Topics.FRICTION_ALERTS.keySerde().deserializer(), serde.deserializer());
        suppressed = driver.driver().createOutputTopic(Topics.FRICTION_ALERTS_SUPPRESSED.name(),
                Topics.FRICTION_ALERTS_SUPPRESSED.keySerde().deserializer(), serde.deserializer());
    }

    static AlertDriver start() {
        return start(FixesRegistry.empty());
    }

    static AlertDriver start(FixesRegistry fixes) {
        return new AlertDriver(RuleCatalogue.defaults(), fixes);
    }

    AlertDriver pipe(TranscriptLines.Line... lines) {
        driver.pipe(SESSION, USER, lines);
        return this;
    }

    AlertDriver pipe(String session, TranscriptLines.Line... lines) {
        driver.pipe(session, USER, lines);
        return this;
    }

    /** Pipes raw transcript text, as the collector would send a real file's lines. */
    AlertDriver pipeRaw(String session, String user, List<String> lines) {
        lines.forEach(line -> driver.pipeRaw(session, user, line));
        return this;
    }

    AlertDriver pipe(List<TranscriptLines.Line> lines) {
        driver.pipe(SESSION, USER, lines);
        return this;
    }

    /** The alert stage's meters. */
    SimpleMeterRegistry meters() {
        return meters;
    }

    /** Alerts published on friction-alerts since the last read, in order. */
    List<FrictionAlert> alerts() {
        return alerts.readValuesToList();
    }

    /** Alerts published on friction-alerts-suppressed since the last read, in order. */
    List<FrictionAlert> suppressed() {
        return suppressed.readValuesToList();
    }

    TestOutputTopic<String, FrictionAlert> alertTopic() {
        return alerts;
    }

    /**
     * The alert stage's state of one alert of the session (store {@code alert-state}, as the processor's
     * /sessions endpoint reads it): its latest form with the true count so far, which records carry only
     * at the escalation thresholds.
     */
    JsonNode alertState(String alertId) {
        KeyValueStore<String, Object> store = driver.driver().getKeyValueStore("alert-state");
        return Json.MAPPER.valueToTree(store.get(SESSION + "|" + alertId));
    }

    /** friction-alerts as a consumer without our classes reads it: JSON trees. */
    TestOutputTopic<String, JsonNode> rawAlerts() {
        return driver.driver().createOutputTopic(Topics.FRICTION_ALERTS.name(), Topics.FRICTION_ALERTS.keySerde().deserializer(),
                Topics.FRICTION_ALERTS.valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
