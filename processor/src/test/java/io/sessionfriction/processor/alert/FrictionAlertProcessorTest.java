package io.sessionfriction.processor.alert;

import static io.sessionfriction.processor.rules.AnEnrichedEvent.T0;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aBashError;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aBashToolUse;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.anApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.StateHorizons;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.rules.AnEnrichedEvent;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;

/** The alert processor alone, on in-memory stores. */
class FrictionAlertProcessorTest {

    @TempDir
    Path dir;

    private static final Duration RETENTION = Duration.ofDays(7);

    private final MockProcessorContext<String, FrictionAlert> context = new MockProcessorContext<>();

    private FrictionAlertProcessor processor(RuleCatalogue catalogue) {
        addStore(AlertStores.DEFAULT.sessions(), Json.serde(SessionContext.class));
        addStore(AlertStores.DEFAULT.toolCalls(), Json.serde(ToolCall.class));
        addStore(AlertStores.DEFAULT.alerts(), Json.serde(AlertState.class));
        FrictionAlertProcessor processor = new FrictionAlertProcessor(catalogue, FixesRegistry.empty(), Duration.ofMinutes(10),
                RETENTION, AlertStores.DEFAULT);
        processor.init(context);
        return processor;
    }

    private <V> void addStore(String name, Serde<V> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    /** Feeds a line with the signals the enrichment would have attached. */
    private static void feed(FrictionAlertProcessor processor, RuleCatalogue catalogue, AnEnrichedEvent line) {
        feed(processor, catalogue, "session-1", line);
    }

    private static void feed(FrictionAlertProcessor processor, RuleCatalogue catalogue, String session, AnEnrichedEvent line) {
        EnrichedEvent event = line.build();
        EnrichedEvent withSignals = line.build(new RuleMatcher(catalogue).match(event));
        processor.process(new Record<>(session, withSignals, event.timestamp().toEpochMilli()));
    }

    private long entries(String store) {
        KeyValueStore<String, ?> kv = context.getStateStore(store);
        return kv.approximateNumEntries();
    }

    private List<FrictionAlert> forwarded() {
        return context.forwarded().stream().<FrictionAlert>map(captured -> captured.record().value()).toList();
    }

    @Test
    void escalationThresholdsComeFromTheCatalogue() throws IOException {
        RuleCatalogue catalogue = RuleCatalogue.load(Optional.of(Files.writeString(dir.resolve("rules.yaml"), "escalateAt: [2, 4]\nrules: []\n")));
        FrictionAlertProcessor processor = processor(catalogue);

        for (int i = 0; i < 6; i++) {
            feed(processor, catalogue, anApiError("status 529: Overloaded").uuid("api-" + i).at(T0.plusSeconds(i)));
        }

        assertThat(forwarded()).extracting(FrictionAlert::count, FrictionAlert::escalation)
                .containsExactly(tuple(2L, 0), tuple(4L, 1));
        assertThat(forwarded().get(1).evidence()).extracting(FrictionAlert.Evidence::uuid)
                .containsExactly("api-0", "api-1", "api-2", "api-3");
    }

    @Test
    void aResultWhoseEnrichmentLostItsToolUseStillCarriesTheCommandSeenEarlier() {
        RuleCatalogue catalogue = RuleCatalogue.defaults();
        FrictionAlertProcessor processor = processor(catalogue);

        feed(processor, catalogue, aBashToolUse("toolu_1", "make report").uuid("use").at(T0));
        EnrichedEvent result = aBashError("toolu_1", "make report", "Exit code 2\nmake: ./render.sh: Permission denied").uuid("result")
                .at(T0.plusSeconds(3)).build();
        // As after a restart of the enrichment between tool_use and result: no tool name, command or description.
        EnrichedEvent bare = new EnrichedEvent(result.schemaVersion(), result.sessionKey(), result.user(), result.sessionId(), result.uuid(),
                result.type(), result.kind(), result.timestamp(), result.cwd(), null, result.toolUseId(), null, null, null, null,
                result.isError(), result.errorText(), result.text(), null, new RuleMatcher(catalogue).match(result), null, null, result.event());
        processor.process(new Record<>("session-1", bare, bare.timestamp().toEpochMilli()));

        assertThat(forwarded()).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo("permission-denied");
            assertThat(alert.fingerprint()).isEqualTo("make report | make: <path>: Permission denied");
            assertThat(alert.context().command()).isEqualTo("make report");
            assertThat(alert.context().description()).isEqualTo("Run make report");
            assertThat(alert.sessionStart()).isEqualTo(T0);
            assertThat(alert.block()).isEqualTo(new FrictionAlert.Block(T0, T0.plusSeconds(3)));
        });
    }

    @Test
    void linesWithoutTimeAreIgnored() {
        RuleCatalogue catalogue = RuleCatalogue.defaults();
        FrictionAlertProcessor processor = processor(catalogue);

        EnrichedEvent untimed = anApiError("status 529: Overloaded").at(null).build(List.of(
                new EnrichedEvent.Signal("api-error", "api", "medium", "status 529: Overloaded")));
        processor.process(new Record<>("session-1", untimed, 0L));

        assertThat(forwarded()).isEmpty();
    }

    @Test
    void aSessionIdleForLongerThanTheRetentionKeepsItsAlertCountsOnlyAndIsForgottenMuchLater() {
        RuleCatalogue catalogue = RuleCatalogue.defaults();
        FrictionAlertProcessor processor = processor(catalogue);
        feed(processor, catalogue, "old", aBashToolUse("toolu_1", "make report").uuid("use").at(T0));
        feed(processor, catalogue, "old", anApiError("status 529: Overloaded").uuid("api").at(T0.plusSeconds(1)));
        feed(processor, catalogue, "recent", anApiError("status 529: Overloaded").uuid("api-2").at(T0.plus(RETENTION)));
        assertThat(List.of(entries("alert-session-context"), entries("alert-tool-calls"), entries("alert-state"))).containsExactly(2L, 1L, 2L);
        Punctuator compaction = context.scheduledPunctuators().get(0).getPunctuator();

        compaction.punctuate(T0.plus(RETENTION).plusSeconds(2).toEpochMilli());

        assertThat(List.of(entries("alert-session-context"), entries("alert-tool-calls"), entries("alert-state"))).containsExactly(2L, 0L, 2L);
        KeyValueStore<String, AlertState> alerts = context.getStateStore("alert-state");
        try (var all = alerts.prefixScan("old|", new org.apache.kafka.common.serialization.StringSerializer())) {
            assertThat(all.next().value).satisfies(state -> {
                assertThat(state.alert().count()).isEqualTo(1);
                assertThat(state.recentKeys()).isEmpty();
            });
        }

        compaction.punctuate(T0.plus(RETENTION.multipliedBy(StateHorizons.FORGET_AFTER_LATENESSES)).plusSeconds(2).toEpochMilli());

        assertThat(List.of(entries("alert-session-context"), entries("alert-tool-calls"), entries("alert-state"))).containsExactly(1L, 0L, 1L);
        KeyValueStore<String, SessionContext> sessions = context.getStateStore("alert-session-context");
        assertThat(sessions.get("recent")).isNotNull();
    }
}
