package io.sessionfriction.topology.state;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * State is proportional to the sessions that are active, not to every session ever seen: what is older
 * than the allowed lateness (no event can join it any more) is compacted to what later events still need
 * (the totals, the last block, the alert counts), and a session idle for much longer is forgotten.
 */
class BoundedStateTest {

    private static final Duration LATENESS = Duration.ofHours(1);
    private static final Duration GAP = Duration.ofMinutes(10);
    private static final ProcessorSettings SETTINGS = ProcessorSettings.defaults().withApplicationId("bounded-state")
            .withAllowedLateness(LATENESS).withInactivityGap(GAP).withStorage(ProcessorSettings.StateStorage.IN_MEMORY);

    private static FrictionDriver driver() {
        RuleCatalogue rules = RuleCatalogue.defaults();
        return FrictionDriver.start(SETTINGS, new RuleMatcher(rules),
                new FrictionAlertStage(rules, FixesRegistry.empty(), SETTINGS, new MeteredProcessorEvents(new SimpleMeterRegistry())));
    }

    /**
     * Forty minutes of one analyst's work in three blocks: a copy refused by a permission wall, and a
     * long export still running when the laptop was closed (its result never comes).
     */
    private static List<Line> anHourOfWork(Instant start) {
        Line cp = aBashToolUse("cp q4.csv /data/shared/").at(start.plusSeconds(10));
        Line export = aBashToolUse("pg_dump analytics > dump.sql").at(start.plus(Duration.ofMinutes(40)));
        return List.of(
                aUserPrompt("copy the export to the shared folder").at(start),
                cp,
                aBashError(cp.toolUseId(), 1, "cp: cannot create regular file '/data/shared/q4.csv': Permission denied")
                        .at(start.plusSeconds(11)),
                aUserPrompt("try again later then").at(start.plus(Duration.ofMinutes(20))),
                export,
                aBashProgress(export.toolUseId()).elapsed(2).at(start.plus(Duration.ofMinutes(40)).plusSeconds(2)));
    }

    private static <V> Set<String> keys(FrictionDriver driver, String store) {
        KeyValueStore<String, V> kv = driver.driver().getKeyValueStore(store);
        Set<String> keys = new TreeSet<>();
        try (KeyValueIterator<String, V> all = kv.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private static Set<String> sessionsOf(Set<String> keys) {
        Set<String> sessions = new TreeSet<>();
        keys.forEach(key -> sessions.add(key.contains("|") ? key.substring(0, key.indexOf('|')) : key));
        return sessions;
    }

    @Test
    void fortySessionsOneAfterAnotherLeaveStateForTheRecentOnesOnly() {
        try (FrictionDriver driver = driver()) {
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String session = "s-" + (100 + i);
                sessions.add(session);
                driver.pipe(session, "ana", anHourOfWork(T0.plus(Duration.ofMinutes(30L * i))));
            }
            Instant streamTime = T0.plus(Duration.ofMinutes(30L * 39 + 40)).plusSeconds(2);

            // Compaction runs every half lateness of stream time, so what it keeps is what is younger than the
            // lateness at its last run: at most one interval more.
            Duration interval = SETTINGS.stateHorizons().every();
            Instant compactedBefore = streamTime.minus(LATENESS).minus(interval);
            // Tool uses and commands without a result: only those of the last sessions.
            Set<String> recent = Set.of("s-136", "s-137", "s-138", "s-139");
            for (String store : List.of(Topics.TOOL_USES_STORE, Topics.COMMANDS_STORE, "alert-tool-calls")) {
                assertThat(sessionsOf(keys(driver, store))).as(store).isSubsetOf(recent).contains("s-138", "s-139");
            }
            // Within four times the lateness, compacted: the sessions of the last four hours keep their last block.
            Set<String> known = keys(driver, Topics.SESSION_BLOCKS_STORE);
            assertThat(known).hasSizeBetween(8, 10).contains("s-139").doesNotContain("s-100", "s-120");
            KeyValueStore<String, SessionActivity> blocks = driver.driver().getKeyValueStore(Topics.SESSION_BLOCKS_STORE);
            for (String session : known) {
                SessionActivity activity = blocks.get(session);
                if (activity.lastEvent().isBefore(compactedBefore)) {
                    assertThat(activity.blocks()).as(session).hasSize(1);
                }
                // Compacted or not, the figures are the session's whole: three blocks of 11 s, 0 s and 2 s.
                assertThat(activity.totalActiveSeconds()).as(session).isEqualTo(13.0);
                assertThat(activity.firstEvent()).as(session).isEqualTo(T0.plus(Duration.ofMinutes(30L * (Integer.parseInt(session.substring(2)) - 100))));
            }
            assertThat(sessionsOf(keys(driver, "alert-session-context"))).isEqualTo(known);
            assertThat(sessionsOf(keys(driver, "alert-state"))).isEqualTo(known);
        }
    }

    @Test
    void aSessionResumingAfterItsStateWasCompactedGoesOnCountingItsAlertsAndItsActiveTime() {
        try (FrictionDriver driver = driver()) {
            TestOutputTopic<String, JsonNode> alerts = driver.driver().createOutputTopic(Topics.FRICTION_ALERTS.name(),
                    Topics.FRICTION_ALERTS.keySerde().deserializer(), Topics.FRICTION_ALERTS.valueSerde().deserializer());
            driver.pipe("ana", "ana", anHourOfWork(T0));
            // Another session moves stream time two hours on: Ana's state is older than the lateness.
            driver.pipe("bob", "bob", aUserPrompt("morning").at(T0.plus(Duration.ofHours(2))),
                    aUserPrompt("still there").at(T0.plus(Duration.ofHours(3))));
            Line cp = aBashToolUse("cp q4.csv /data/shared/").at(T0.plus(Duration.ofHours(3)));
            driver.pipe("ana", "ana", aUserPrompt("back").at(T0.plus(Duration.ofHours(3))), cp,
                    aBashError(cp.toolUseId(), 1, "cp: cannot create regular file '/data/shared/q4.csv': Permission denied")
                            .at(T0.plus(Duration.ofHours(3)).plusSeconds(1)));

            List<KeyValue<String, JsonNode>> emitted = alerts.readKeyValuesToList();
            Set<String> alertIdAndCount = new TreeSet<>();
            emitted.forEach(alert -> assertThat(alertIdAndCount.add(alert.value.path("alertId").asText() + "@"
                    + alert.value.path("count").asLong())).as("emitted once: " + alert.value).isTrue());
            assertThat(driver.activity().get("ana").totalActiveSeconds()).isEqualTo(14.0);
        }
    }
}
