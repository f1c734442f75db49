package io.sessionfriction.topology.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.TestOutputTopic;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * What a run without faults gives for the same sessions: the same topology and rules on the test driver,
 * one session after another in file order. The fault suite's runs must equal it exactly.
 *
 * @param enriched every line's uuid, once
 * @param alerts   every alert record as {@code alertId@count}, in the order of its session
 */
record CleanRun(List<String> enriched, List<String> alerts) {

    static CleanRun of(String user, Map<String, List<Line>> sessions) {
        ProcessorSettings settings = ProcessorSettings.defaults().withApplicationId("clean-run");
        RuleCatalogue rules = RuleCatalogue.defaults();
        try (FrictionDriver driver = FrictionDriver.start(settings, new RuleMatcher(rules),
                new FrictionAlertStage(rules, FixesRegistry.empty(), settings, new MeteredProcessorEvents(new SimpleMeterRegistry())))) {
            TestOutputTopic<String, JsonNode> alerts = driver.driver().createOutputTopic(Topics.FRICTION_ALERTS.name(),
                    Topics.FRICTION_ALERTS.keySerde().deserializer(), Topics.FRICTION_ALERTS.valueSerde().deserializer());
            sessions.forEach((session, lines) -> driver.pipe(session, user, lines));
            List<String> emitted = new ArrayList<>();
            alerts.readValuesToList().forEach(alert -> emitted.add(alertAndCount(alert)));
            return new CleanRun(driver.enriched().stream().map(EnrichedEvent::uuid).toList(), emitted);
        }
    }

    static String alertAndCount(JsonNode alert) {
        return alert.path("alertId").asText() + "@" + alert.path("count").asLong();
    }
}
