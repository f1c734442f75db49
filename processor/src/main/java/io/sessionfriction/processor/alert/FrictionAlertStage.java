package io.sessionfriction.processor.alert;

import java.util.Set;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

import io.micrometer.core.instrument.Metrics;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.topology.AlertStage;

/**
 * The alert stage on the enriched stream:
 * <pre>
 * enriched ─ raise-friction-alerts ─ cloud-event-headers ─┬─ suppressed by a fix ─▶ friction-alerts-suppressed
 *                                                         └─ otherwise ───────────▶ friction-alerts
 * </pre>
 * Its stores (alert-session-context, alert-tool-calls, alert-state) come with the processor supplier.
 * A session idle for longer than the allowed lateness is compacted to its alert counts, and forgotten
 * (its counts start over if it ever resumes) after StateHorizons.FORGET_AFTER_LATENESSES times as long.
 */
public final class FrictionAlertStage implements AlertStage {

    private final RuleCatalogue catalogue;
    private final FixesRegistry fixes;
    private final ProcessorSettings settings;
    private final ProcessorEvents events;

    /**
     * @param settings the topology's: its inactivity gap bounds a retry loop (one active block), its
     *                 allowed lateness how long an idle session's alert state is kept, its storage the stores'
     */
    public FrictionAlertStage(RuleCatalogue catalogue, FixesRegistry fixes, ProcessorSettings settings,
            ProcessorEvents events) {
        this.catalogue = catalogue;
        this.fixes = fixes;
        this.settings = settings;
        this.events = events;
    }

    /** Alerts counted in Micrometer's global registry (where the launcher adds Prometheus). */
    public FrictionAlertStage(RuleCatalogue catalogue, FixesRegistry fixes, ProcessorSettings settings) {
        this(catalogue, fixes, settings, new MeteredProcessorEvents(Metrics.globalRegistry, catalogue.rules()));
    }

    @Override
    public void attach(KStream<String, EnrichedEvent> enriched) {
        Serde<FrictionAlert> serde = Json.serde(FrictionAlert.class);
        Topics.Topic<String, FrictionAlert> alerts = settings.topic(Topics.FRICTION_ALERTS).withValueSerde(serde);
        Topics.Topic<String, FrictionAlert> suppressed = settings.topic(Topics.FRICTION_ALERTS_SUPPRESSED).withValueSerde(serde);
        enriched.process(new Supplier(), Named.as("raise-friction-alerts"))
                .processValues(() -> new CloudEventHeaders(settings.applicationId()), Named.as("cloud-event-headers"))
                .peek((session, alert) -> events.alertPublished(session, alert.rule(), alert.severity(),
                        alert.suppressedBy() != null), Named.as("count-alerts"))
                .split(Named.as("friction-alerts-"))
                .branch((session, alert) -> alert.suppressedBy() != null, Branched.withConsumer(
                        pre -> pre.to(suppressed.name(), suppressed.produced("friction-alerts-suppressed-sink")), "suppressed"))
                .defaultBranch(Branched.withConsumer(
                        live -> live.to(alerts.name(), alerts.produced("friction-alerts-sink")), "live"));
    }

    private final class Supplier implements ProcessorSupplier<String, EnrichedEvent, String, FrictionAlert> {

        @Override
        public Processor<String, EnrichedEvent, String, FrictionAlert> get() {
            return new FrictionAlertProcessor(catalogue, fixes, settings.inactivityGap(), settings.allowedLateness(), AlertStores.DEFAULT);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return AlertStores.DEFAULT.builders(settings);
        }
    }
}
