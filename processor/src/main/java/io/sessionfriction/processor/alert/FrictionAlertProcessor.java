package io.sessionfriction.processor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sessionfriction.processor.DecodedValues;
import io.sessionfriction.processor.StateHorizons;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.rules.Rule;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.StatefulPattern;

/**
 * Turns enriched lines into friction alerts, per session (the stream's key). Signals the enrichment
 * found on a line and the stateful patterns of the catalogue become occurrences; occurrences of one
 * rule with one fingerprint are one alert (id = hash of session, rule, fingerprint), emitted when its
 * count first reaches an escalation threshold and re-emitted only at the next ones.
 *
 * <p>Judged as a person would (docs/friction-guide.md): one line gives at most one alert (the first
 * occurrence in catalogue order; line rules already inhibit one another in the matcher). A failure that
 * only a rule of normal iteration matched is not alerted on its line: it is kept as the agent's recent
 * failure in its thread, resolved when the same step succeeds, and alerted only if the agent gives up on
 * it (ends its turn saying it cannot go on, or stops to ask the analyst), or it is explained by a loop or
 * a claim of success. Each conversation thread (main agent, subagents) has its own turns.
 */
final class FrictionAlertProcessor implements Processor<String, EnrichedEvent, String, FrictionAlert> {

    static final int EVIDENCE_KEPT = 5;
    /** Sessions active at once on one task, with room to spare. */
    static final int RECENT_SESSIONS = 4096;

    private static final Logger log = LoggerFactory.getLogger(FrictionAlertProcessor.class);

    private static final Map<StatefulPattern, PatternDetector> DETECTORS = Map.of(
            StatefulPattern.RETRY_LOOP, new RetryLoopDetector(),
            StatefulPattern.SLOW_COMMAND, new SlowCommandDetector(),
            StatefulPattern.USER_REACTION, new UserReactionDetector(),
            StatefulPattern.USER_REJECTION, new UserRejectionDetector(),
            StatefulPattern.APPROVAL_WAIT, new StartWaitDetector(StatefulPattern.APPROVAL_WAIT),
            StatefulPattern.HOOK_WAIT, new StartWaitDetector(StatefulPattern.HOOK_WAIT),
            StatefulPattern.BACKGROUND_WAIT, new BackgroundWaitDetector(),
            StatefulPattern.SUCCESS_AFTER_FAILURE, new SuccessAfterFailureDetector());

    private final RuleCatalogue catalogue;
    private final Map<String, Integer> order = new HashMap<>();
    private final FixesRegistry fixes;
    private final Duration inactivityGap;
    private final StateHorizons horizons;
    private final AlertStores names;
    private ProcessorContext<String, FrictionAlert> context;
    private KeyValueStore<String, SessionContext> sessionStore;
    private DecodedValues<SessionContext> sessions;
    private KeyValueStore<String, ToolCall> calls;
    private KeyValueStore<String, AlertState> alerts;

    /** @param allowedLateness after it, in stream time, an idle session's state is compacted (StateHorizons) */
    FrictionAlertProcessor(RuleCatalogue catalogue, FixesRegistry fixes, Duration inactivityGap, Duration allowedLateness,
            AlertStores names) {
        this.catalogue = catalogue;
        this.fixes = fixes;
        this.inactivityGap = inactivityGap;
        this.horizons = new StateHorizons(allowedLateness);
        this.names = names;
        List<Rule> rules = catalogue.rules();
        for (int i = 0; i < rules.size(); i++) {
            order.put(rules.get(i).id(), i);
        }
    }

    @Override
    public void init(ProcessorContext<String, FrictionAlert> context) {
        this.context = context;
        this.sessionStore = context.getStateStore(names.sessions());
        this.sessions = new DecodedValues<>(sessionStore, RECENT_SESSIONS);
        this.calls = context.getStateStore(names.toolCalls());
        this.alerts = context.getStateStore(names.alerts());
        horizons.schedule(context, this::compactIdleSessions);
    }

    @Override
    public void process(Record<String, EnrichedEvent> record) {
        EnrichedEvent event = record.value();
        // Untimed lines (summary, file-history-snapshot) carry no friction and must not move time.
        if (event == null || event.timestamp() == null) {
            return;
        }
        String session = record.key();
        SessionContext known = Optional.ofNullable(sessions.get(session)).orElseGet(SessionContext::empty);
        Turn turn = new Turn(event, known.observe(event.timestamp(), inactivityGap), toolCall(session, event), LineFacts.thread(event));
        Conversation.endTurn(turn);
        StepCounts.count(turn);
        catalogue.rules().forEach(rule -> rule.statefulPattern()
                .ifPresent(stateful -> DETECTORS.get(stateful.pattern()).detect(rule, turn)));
        Optional<Rule> iteration = signalOccurrences(turn);
        List<Occurrence> occurrences = oneAlertPerLine(turn.occurrences());
        boolean lineAlerted = occurrences.stream().anyMatch(Occurrence::onCurrentLine);
        occurrences.addAll(Conversation.givenUp(turn, catalogue));
        Conversation.track(turn, iteration, lineAlerted);

        for (Occurrence occurrence : occurrences) {
            fold(record, session, turn, occurrence);
        }
        save(session, turn);
    }

    /** The call this line is, answers or reports on; what the line knows fills what the store lacks. */
    private ToolCall toolCall(String session, EnrichedEvent event) {
        if (event.toolUseId() == null) {
            return ToolCall.UNKNOWN;
        }
        ToolCall stored = Optional.ofNullable(calls.get(callKey(session, event.toolUseId()))).orElse(ToolCall.UNKNOWN);
        return stored.fillFrom(event.toolName(), event.command(), event.normalizedCommand(), event.description());
    }

    /**
     * The line's signal (at most one, see RuleMatcher) as an occurrence; a signal of a rule of normal
     * iteration is not an occurrence but the rule to remember the failure by, returned.
     */
    private Optional<Rule> signalOccurrences(Turn turn) {
        EnrichedEvent event = turn.event();
        if (event.signals() == null) {
            return Optional.empty();
        }
        Optional<Rule> iteration = Optional.empty();
        for (EnrichedEvent.Signal signal : event.signals()) {
            Optional<Rule> rule = catalogue.rule(signal.ruleId());
            if (rule.isEmpty()) {
                // The enrichment ran with another catalogue (a rolling upgrade): the signal stays on the
                // enriched topic, but without its rule it cannot become an alert here.
                log.warn("signal of unknown rule '{}' on {} in session {}, not alerted", signal.ruleId(), event.uuid(), event.sessionKey());
            } else if (rule.get().iteration()) {
                iteration = rule;
            } else {
                turn.found(Occurrence.onLine(rule.get(), signal.excerpt(), occurrenceKey(event), 1, turn.call(),
                        FailureText.firstErrorLine(event.errorText())));
            }
        }
        return iteration;
    }

    /** One line, one alert: of the occurrences on the current line, the first rule in catalogue order stands. */
    private List<Occurrence> oneAlertPerLine(List<Occurrence> found) {
        List<Occurrence> kept = new ArrayList<>();
        Occurrence onLine = null;
        for (Occurrence occurrence : found) {
            if (!occurrence.onCurrentLine()) {
                kept.add(occurrence);
            } else if (onLine == null || rank(occurrence) < rank(onLine)) {
                onLine = occurrence;
            }
        }
        if (onLine != null) {
            kept.add(0, onLine);
        }
        return kept;
    }

    private int rank(Occurrence occurrence) {
        return order.getOrDefault(occurrence.rule().id(), Integer.MAX_VALUE);
    }

    /**
     * What makes two lines the same occurrence: one tool call writes a PostToolUseFailure hook, progress
     * lines and a tool_result; a compaction writes a boundary and a summary whose parent is that boundary.
     */
    private static String occurrenceKey(EnrichedEvent event) {
        if (event.toolUseId() != null) {
            return event.toolUseId();
        }
        if (event.kind() == EventKind.COMPACT_SUMMARY && event.event() != null && event.event().path("parentUuid").isTextual()) {
            return event.event().path("parentUuid").asText();
        }
        return event.uuid() != null ? event.uuid() : event.kind() + "@" + event.timestamp();
    }

    private void fold(Record<String, EnrichedEvent> record, String session, Turn turn, Occurrence occurrence) {
        Rule rule = occurrence.rule();
        EnrichedEvent event = turn.event();
        String fingerprint = Fingerprints.of(rule, occurrence);
        String alertId = AlertIds.of(session, rule.id(), fingerprint);
        String stateKey = AlertStores.withinSession(session, alertId);
        AlertState state = alerts.get(stateKey);
        String key = occurrence.key() != null ? occurrence.key() : occurrenceKey(event);
        FrictionAlert.Evidence seen = occurrence.onCurrentLine()
                ? new FrictionAlert.Evidence(event.uuid(), event.timestamp(), occurrence.excerpt()) : occurrence.earlierLine();
        if (state != null && state.seen(key)) {
            // Another line of an occurrence already counted (its result after its hook, its next progress
            // line): same count, no re-emission; it becomes that occurrence's evidence, being the latest word.
            alerts.put(stateKey, state.withLatestLineOf(key, seen));
            return;
        }
        long count = (state == null ? 0 : state.alert().count()) + occurrence.weight();
        int emittedLevel = state == null ? 0 : state.emittedLevel();
        boolean emit = rule.levelFor(count) > emittedLevel;
        int level = emit ? rule.levelFor(count) : emittedLevel;
        // Escalation 0 is the first emission; each threshold reached after it adds one.
        double secondsLost = (state == null ? 0 : state.alert().secondsLost()) + occurrence.secondsLost();
        FrictionAlert alert = new FrictionAlert(FrictionAlert.SCHEMA_VERSION, alertId, session, event.user(), rule.id(),
                rule.category(), rule.severity(), rule.labels(), fingerprint, event.timestamp(), count, Math.max(level - 1, 0),
                Math.round(secondsLost * 1000) / 1000.0, evidence(state, seen), alertContext(turn, occurrence), block(turn),
                sessionStart(turn), null);
        alerts.put(stateKey, new AlertState(alert, level, state == null ? List.of(key) : state.keysWith(key)));
        if (emit) {
            FrictionAlert out = fixes.suppressing(alert).map(fix -> alert.suppressed(fix.reference())).orElse(alert);
            context.forward(record.withValue(out));
        }
    }

    private static List<FrictionAlert.Evidence> evidence(AlertState state, FrictionAlert.Evidence latest) {
        List<FrictionAlert.Evidence> evidence = new ArrayList<>(state == null ? List.of() : state.alert().evidence());
        evidence.add(latest);
        return List.copyOf(evidence.subList(Math.max(0, evidence.size() - EVIDENCE_KEPT), evidence.size()));
    }

    private static FrictionAlert.Context alertContext(Turn turn, Occurrence occurrence) {
        ToolCall call = occurrence.call().command() != null || occurrence.call().description() != null ? occurrence.call() : turn.call();
        return new FrictionAlert.Context(call.command(), call.description(), turn.event().cwd(), turn.session().lastPrompts());
    }

    private static FrictionAlert.Block block(Turn turn) {
        EnrichedEvent.BlockRef block = turn.event().block();
        return block != null ? new FrictionAlert.Block(block.start(), block.end())
                : new FrictionAlert.Block(turn.session().blockStart(), turn.session().lastEventTime());
    }

    private static Instant sessionStart(Turn turn) {
        Instant enriched = turn.event().sessionStart();
        Instant seen = turn.session().sessionStart();
        return enriched == null || enriched.isAfter(seen) ? seen : enriched;
    }

    private void save(String session, Turn turn) {
        EnrichedEvent event = turn.event();
        SessionContext updated = turn.session();
        Optional<String> prompt = AnalystPrompt.of(event);
        if (prompt.isPresent()) {
            updated = updated.withPrompt(prompt.get(), UserReactionDetector.key(prompt.get()));
        }
        sessions.put(session, updated);
        if (event.toolUseId() != null && event.kind() == EventKind.TOOL_RESULT) {
            // The call is over: nothing later needs it, and the store holds only calls in flight.
            calls.delete(callKey(session, event.toolUseId()));
        } else if (event.toolUseId() != null && (turn.call().usedAt() != null || event.kind() == EventKind.BASH_PROGRESS)) {
            // Only calls: a Stop or SessionStart hook line names an id that no tool_use or result ever closes.
            calls.put(callKey(session, event.toolUseId()), turn.call());
        }
    }

    private static String callKey(String session, String toolUseId) {
        return AlertStores.withinSession(session, toolUseId);
    }

    /**
     * Bounds the state of idle sessions. Idle for longer than the allowed lateness: no event can join their
     * blocks or calls any more, so their calls in flight go, their loop counts and occurrence keys are
     * cleared, and what a resumed session needs stays (its times, last prompts, each alert's count and
     * level, so no alertId is emitted again at a count it had). Idle for much longer: forgotten.
     */
    void compactIdleSessions(long streamTime) {
        Instant compactBefore = horizons.compactBefore(streamTime);
        Instant forgetBefore = horizons.forgetBefore(streamTime);
        Map<String, SessionContext> idle = new LinkedHashMap<>();
        try (KeyValueIterator<String, SessionContext> all = sessionStore.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.lastEventTime() != null && entry.value.lastEventTime().isBefore(compactBefore)) {
                    idle.put(entry.key, entry.value);
                }
            });
        }
        idle.forEach((session, known) -> {
            String prefix = AlertStores.sessionPrefix(session);
            deleteWithPrefix(calls, prefix);
            if (known.lastEventTime().isBefore(forgetBefore)) {
                sessions.delete(session);
                deleteWithPrefix(alerts, prefix);
                return;
            }
            sessions.put(session, known.compacted());
            compactWithPrefix(alerts, prefix);
        });
    }

    private static void compactWithPrefix(KeyValueStore<String, AlertState> store, String prefix) {
        Map<String, AlertState> compacted = new LinkedHashMap<>();
        try (KeyValueIterator<String, AlertState> entries = store.prefixScan(prefix, new StringSerializer())) {
            entries.forEachRemaining(entry -> {
                if (!entry.value.recentKeys().isEmpty()) {
                    compacted.put(entry.key, entry.value.compacted());
                }
            });
        }
        compacted.forEach(store::put);
    }

    private static void deleteWithPrefix(KeyValueStore<String, ?> store, String prefix) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, ?> entries = store.prefixScan(prefix, new StringSerializer())) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }
}
