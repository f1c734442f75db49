package io.sessionfriction.processor.topology;

import java.time.Clock;
import java.util.List;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

import io.micrometer.core.instrument.Metrics;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.activity.ActiveBlocks;
import io.sessionfriction.processor.activity.LateEvent;
import io.sessionfriction.processor.activity.LatenessGate;
import io.sessionfriction.processor.activity.PlacedEvent;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.activity.Timeliness;
import io.sessionfriction.processor.event.DeadLetter;
import io.sessionfriction.processor.event.Deduplicator;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.Enricher;
import io.sessionfriction.processor.event.EventTimestampExtractor;
import io.sessionfriction.processor.event.LineParser;
import io.sessionfriction.processor.event.LineRedaction;
import io.sessionfriction.processor.event.ParsedLine;
import io.sessionfriction.processor.event.SeenTimes;
import io.sessionfriction.processor.event.SessionEvent;
import io.sessionfriction.processor.event.SignalMatcher;
import io.sessionfriction.processor.event.ToolUseRef;
import io.sessionfriction.processor.event.TranscriptLine;
import io.sessionfriction.processor.progress.CommandProgress;
import io.sessionfriction.processor.progress.CommandTracker;
import io.sessionfriction.redaction.Redactor;

/**
 * The friction topology, top to bottom as in docs/architecture.md:
 * <pre>
 * session-events ─ redact ─ parse ─┬─ dead letters ─────────────────────────────▶ session-events-dlq
 *                                  └─ drop repeats ─ judge lateness ─┬─ late, or far ahead ─▶ session-events-late
 *                                                                    └─ place in blocks ─┬─▶ session-activity
 *                                                                                        └─ enrich ─┬─▶ session-events-enriched
 *                                                                                                   ├─ track commands ─▶ command-progress
 *                                                                                                   └─ alert stage ─▶ friction-alerts
 * </pre>
 * Secrets are redacted first, so no store, changelog or sink downstream ever holds one (docs/security.md). Before
 * that, {@link CommitWhenIdle} only watches the input, so a task whose input ran dry commits at once; where the
 * stores keep no changelog (a replay's), {@link StateLossGuard} first refuses a task that starts again. A replay on a
 * broker of its own leaves out the sink of {@code session-events-enriched}, the largest output it never reads back
 * ({@link ProcessorSettings#withoutEnrichedTopic}).
 * Pure: builds and returns a {@link Topology}, no I/O. Every node and store is named (kebab-case).
 */
public final class FrictionTopology {

    private FrictionTopology() {
    }

    /** The topology with the shipped redaction rules, its events counted in Micrometer's global registry. */
    public static Topology build(ProcessorSettings settings, SignalMatcher matcher, AlertStage alerts) {
        return build(settings, Redactor.defaults(), matcher, alerts);
    }

    /** The topology with its events counted in Micrometer's global registry (where the launcher adds Prometheus). */
    public static Topology build(ProcessorSettings settings, Redactor redactor, SignalMatcher matcher, AlertStage alerts) {
        return build(settings, redactor, matcher, alerts, new MeteredProcessorEvents(Metrics.globalRegistry, List.of(), redactor.kinds()));
    }

    /** The topology with the shipped redaction rules (placeholders without a hash). */
    public static Topology build(ProcessorSettings settings, SignalMatcher matcher, AlertStage alerts, ProcessorEvents events) {
        return build(settings, Redactor.defaults(), matcher, alerts, events);
    }

    public static Topology build(ProcessorSettings settings, Redactor redactor, SignalMatcher matcher, AlertStage alerts,
            ProcessorEvents events) {
        return build(settings, redactor, matcher, alerts, events, Clock.systemUTC());
    }

    /**
     * @param clock the processor's clock, which bounds the times Kafka Streams sees (EventTimestampExtractor):
     *              the system clock in production, the one brokers check record times against
     */
    public static Topology build(ProcessorSettings settings, Redactor redactor, SignalMatcher matcher, AlertStage alerts,
            ProcessorEvents events, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder(settings.topologyConfig());
        addStores(builder, settings);
        Topics.Topic<String, TranscriptLine> input = settings.topic(Topics.SESSION_EVENTS);
        Topics.Topic<String, DeadLetter> deadLetterTopic = settings.topic(Topics.SESSION_EVENTS_DLQ);
        Topics.Topic<String, LateEvent> lateTopic = settings.topic(Topics.SESSION_EVENTS_LATE);
        Topics.Topic<String, SessionActivity> activityTopic = settings.topic(Topics.SESSION_ACTIVITY);
        Topics.Topic<String, EnrichedEvent> enrichedTopic = settings.topic(Topics.SESSION_EVENTS_ENRICHED);
        Topics.Topic<String, CommandProgress> progressTopic = settings.topic(Topics.COMMAND_PROGRESS);

        KStream<String, TranscriptLine> source = builder
                .stream(input.name(), input.consumed("session-events-source")
                        .withTimestampExtractor(new EventTimestampExtractor(clock)));
        if (!settings.changelogged()) {
            StateLossGuard.Starts starts = new StateLossGuard.Starts();
            source = source.processValues(() -> new StateLossGuard<TranscriptLine>(starts), Named.as("refuse-lost-state"));
        }
        KStream<String, ParsedLine> parsed = source
                .processValues(() -> new CommitWhenIdle<TranscriptLine>(settings.idleCheck()), Named.as("commit-when-idle"))
                .mapValues(new LineRedaction(redactor, events), Named.as("redact-lines"))
                .processValues(() -> new LineParser(events), Named.as("parse-lines"));

        // Bad input is data: it leaves with its reason, and the session goes on.
        parsed.filter((key, line) -> line instanceof DeadLetter, Named.as("dead-letters"))
                .mapValues(line -> (DeadLetter) line, Named.as("as-dead-letter"))
                .to(deadLetterTopic.name(), deadLetterTopic.produced("dead-letter-sink"));

        KStream<String, SessionEvent> lines = parsed
                .filter((key, line) -> line instanceof SessionEvent, Named.as("usable-lines"))
                .mapValues(line -> (SessionEvent) line, Named.as("as-session-event"));

        KStream<String, Timeliness> judged = lines
                .processValues(() -> new Deduplicator(Topics.SEEN_EVENTS_STORE, settings.dedupRetention(), events),
                        Named.as("drop-repeats"), Topics.SEEN_EVENTS_STORE)
                .processValues(() -> new LatenessGate(settings.allowedLateness(), events), Named.as("judge-lateness"));

        // Too late for the session's blocks, but never nowhere: kept on their own topic.
        judged.filter((key, judgement) -> judgement.late(), Named.as("late-events"))
                .mapValues(Timeliness::toLateEvent, Named.as("as-late-event"))
                .to(lateTopic.name(), lateTopic.produced("late-event-sink"));

        KStream<String, PlacedEvent> placed = judged
                .filterNot((key, judgement) -> judgement.late(), Named.as("on-time-events"))
                .mapValues(Timeliness::event, Named.as("as-on-time-event"))
                .processValues(() -> new ActiveBlocks(Topics.SESSION_BLOCKS_STORE, settings.inactivityGap(), settings.stateHorizons()),
                        Named.as("place-in-blocks"), Topics.SESSION_BLOCKS_STORE);

        // Provisional on every change; consumers overwrite by session key, so a late batch corrects it.
        placed.filter((key, event) -> event.activity() != null, Named.as("activity-changed"))
                .mapValues(PlacedEvent::activity, Named.as("as-session-activity"))
                .to(activityTopic.name(), activityTopic.produced("session-activity-sink"));

        KStream<String, EnrichedEvent> enriched = placed
                .processValues(() -> new Enricher(Topics.TOOL_USES_STORE, matcher, settings.textCapChars(), settings.stateHorizons()),
                        Named.as("enrich-events"), Topics.TOOL_USES_STORE);
        if (settings.enrichedTopic()) {
            enriched.to(enrichedTopic.name(), enrichedTopic.produced("enriched-sink"));
        }

        enriched.process(() -> new CommandTracker(Topics.COMMANDS_STORE, settings.stateHorizons()), Named.as("track-commands"), Topics.COMMANDS_STORE)
                .to(progressTopic.name(), progressTopic.produced("command-progress-sink"));

        alerts.attach(enriched);
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, ProcessorSettings settings) {
        if (settings.seenIdsByKey()) {
            builder.addStateStore(settings.keyValueStore(Topics.SEEN_EVENTS_STORE, Serdes.String(), Json.serde(SeenTimes.class)));
        } else {
            // Window size 1 ms: each id is one point in time; retention alone bounds how long it is remembered.
            builder.addStateStore(settings.windowStore(Topics.SEEN_EVENTS_STORE, settings.dedupRetention(), Duration.ofMillis(1),
                    Serdes.String(), Serdes.Long()));
        }
        builder.addStateStore(settings.keyValueStore(Topics.SESSION_BLOCKS_STORE, Serdes.String(), Json.serde(SessionActivity.class)));
        builder.addStateStore(settings.keyValueStore(Topics.TOOL_USES_STORE, Serdes.String(), Json.serde(ToolUseRef.class)));
        builder.addStateStore(settings.keyValueStore(Topics.COMMANDS_STORE, Serdes.String(), Json.serde(CommandProgress.class)));
    }
}
