package io.sessionfriction.topology.replay;

import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;

/** A replay's topology, named with its run's prefix, reads and writes its own topics and no live one. */
class ReplayTopicsTest {

    private static final String RUN = "session-friction-replay-0123456789ab.";

    @Test
    void everyTopicTheTopologyReadsOrWritesCarriesTheRunsPrefix() {
        ProcessorSettings settings = ProcessorSettings.defaults().withTopicPrefix(RUN);
        RuleCatalogue catalogue = RuleCatalogue.defaults();
        Line use = aBashToolUse("psql -f q1.sql");
        try (FrictionDriver driver = FrictionDriver.start(settings, new RuleMatcher(catalogue),
                new FrictionAlertStage(catalogue, FixesRegistry.empty(), settings))) {
            driver.pipe("s1", "bob", aUserPrompt("Export Q1 revenue"), use,
                    aBashError(use.toolUseId(), 2, "psql: error: permission denied for table revenue").after(Duration.ofSeconds(2)));

            var alerts = driver.driver().createOutputTopic(RUN + Topics.FRICTION_ALERTS.name(),
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            assertThat(alerts.readValuesToList()).anyMatch(alert -> alert.contains("\"rule\":\"permission-denied\""));
            assertThat(driver.enriched()).hasSize(3);
            assertThat(driver.driver().producedTopicNames()).isNotEmpty().allMatch(topic -> topic.startsWith(RUN)
                    || topic.startsWith(settings.applicationId() + "-"));
        }
    }

    @Test
    void aPrefixThatIsNoLegalTopicNameIsRefused() {
        ProcessorSettings settings = ProcessorSettings.defaults();

        assertThatThrownBy(() -> settings.withTopicPrefix("run 1/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topicPrefix");
    }
}
