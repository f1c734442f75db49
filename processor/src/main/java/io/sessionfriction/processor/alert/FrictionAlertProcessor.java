package io.sessionfriction.processor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sessionfriction.processor.DecodedValues;
import io.sessionfriction.processor.event.CommandNormalizer;
import io.sessionfriction.processor.event.CommandShape;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.progress.CommandTiming;
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
    static final Duration PURGE_EVERY = Duration.ofHours(1);
    /** Sessions active at once on one task, with room to spare. */
    static final int RECENT_SESSIONS = 4096;

    private static final Logger log = LoggerFactory.getLogger(FrictionAlertProcessor.class);
    private static final String ASK_USER = "AskUserQuestion";

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
    private final Duration retention;
    private final AlertStores names;
    private ProcessorContext<String, FrictionAlert> context;
    private KeyValueStore<String, SessionContext> sessionStore;
    private DecodedValues<SessionContext> sessions;
    private KeyValueStore<String, ToolCall> calls;
    private KeyValueStore<String, AlertState> alerts;

    /** @param retention how long after its last event a session's state is kept (in stream time) */
    FrictionAlertProcessor(RuleCatalogue catalogue, FixesRegistry fixes, Duration inactivityGap, Duration retention, AlertStores names) {
        this.catalogue = catalogue;
        this.fixes = fixes;
        this.inactivityGap = inactivityGap;
        this.retention = retention;
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
        // Stream time, not wall clock: a replay of last month forgets exactly what a live run would have.
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::forgetIdleSessions);
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
        endTurn(turn);
        countSteps(turn);
        catalogue.rules().forEach(rule -> rule.statefulPattern()
                .ifPresent(stateful -> DETECTORS.get(stateful.pattern()).detect(rule, turn)));
        Optional<Rule> iteration = signalOccurrences(turn);
        List<Occurrence> occurrences = oneAlertPerLine(turn.occurrences());
        boolean lineAlerted = occurrences.stream().anyMatch(Occurrence::onCurrentLine);
        occurrences.addAll(givenUp(turn));
        track(turn, iteration, lineAlerted);

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

    /** A line that ends the agent's turn in its thread: the turn as it was is kept for the detectors, the thread starts afresh. */
    private static void endTurn(Turn turn) {
        ThreadState thread = turn.thread();
        if (!thread.active() || !LineFacts.endsTurn(turn.event())) {
            return;
        }
        turn.ended(thread);
        turn.thread(thread.endTurn(thread.finalText() != null && AgentText.reportsDone(thread.finalText().text())));
    }

    static String runKey(String normalizedCommand) {
        return "run|" + normalizedCommand;
    }

    static String failureKey(String program) {
        return "fail|" + program;
    }

    /** Runs of each command and rows of failures of each step, for the retry-loop pattern. */
    private static void countSteps(Turn turn) {
        EnrichedEvent event = turn.event();
        ToolCall call = turn.call();
        if (call.command() == null || !"Bash".equals(call.toolName())) {
            return;
        }
        SessionContext session = turn.session();
        if (event.kind() == EventKind.TOOL_USE && call.normalizedCommand() != null) {
            String key = runKey(call.normalizedCommand());
            turn.session(session.withLoop(key, session.loop(key).run()));
        } else if (LineFacts.failed(event)) {
            String program = CommandShape.of(call.command()).programKey();
            if (program != null) {
                String key = failureKey(program);
                turn.session(session.withLoop(key, session.loop(key).fail(FailureText.signature(event.errorText()))));
            }
        } else if (succeeded(event)) {
            for (String program : CommandShape.of(call.command()).allKeys()) {
                String key = failureKey(program);
                if (session.loops().containsKey(key)) {
                    session = session.withLoop(key, session.loop(key).succeed());
                }
            }
            turn.session(session);
        }
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
     * The agent gave up on its recent failures: it ended its turn saying it cannot go on, or it stops to
     * ask the analyst. Each failure an iteration rule signalled, and no other alert explained, alerts now
     * under that rule, with its own line as evidence.
     */
    private List<Occurrence> givenUp(Turn turn) {
        EnrichedEvent event = turn.event();
        ThreadState ended = turn.ended();
        boolean giveUpText = ended != null && ended.finalText() != null && AgentText.givesUp(ended.finalText().text());
        boolean asks = event.kind() == EventKind.TOOL_USE && ASK_USER.equals(event.toolName());
        if (!giveUpText && !asks) {
            return List.of();
        }
        List<Occurrence> givenUp = new ArrayList<>();
        ThreadState thread = turn.thread();
        for (ThreadState.Failure failure : thread.failures()) {
            Optional<Rule> rule = failure.rule() == null ? Optional.empty() : catalogue.rule(failure.rule());
            if (failure.alerted() || rule.isEmpty()) {
                continue;
            }
            String excerpt = "gave up: " + (failure.errorLine() == null ? failure.key() + " failed" : failure.errorLine());
            FrictionAlert.Evidence line = new FrictionAlert.Evidence(failure.line().uuid(), failure.line().timestamp(), excerpt);
            ToolCall call = ToolCall.UNKNOWN.fillFrom(failure.toolName(), failure.command(), CommandNormalizer.normalize(failure.command()), null);
            givenUp.add(new Occurrence(rule.get(), excerpt, failure.toolUseId(), 1, call, line, failure.errorLine(), 0));
        }
        if (!givenUp.isEmpty()) {
            turn.thread(thread.withAllAlerted());
        }
        return givenUp;
    }

    /** What the line tells the stage for later lines: the call's times, the thread's failures and words, the session's mode. */
    private static void track(Turn turn, Optional<Rule> iteration, boolean lineAlerted) {
        EnrichedEvent event = turn.event();
        ToolCall call = turn.call();
        String mode = LineFacts.field(event, "/permissionMode");
        if (mode != null) {
            turn.session(turn.session().withPermissionMode(mode));
        }
        ThreadState thread = turn.thread();
        switch (event.kind()) {
            case TOOL_USE -> {
                turn.call(call.used(event.timestamp(), LineFacts.field(event, "/message/content/0/input/task_id")));
                thread = thread.withActivity();
            }
            case HOOK_PROGRESS -> {
                if ("PreToolUse".equals(LineFacts.field(event, "/data/hookEvent"))) {
                    turn.call(call.hookedAt(event.timestamp()));
                }
            }
            case BASH_PROGRESS -> {
                if (event.elapsedSeconds() != null) {
                    turn.call(call.started(CommandTiming.startFromProgress(event.timestamp(), event.elapsedSeconds())));
                }
            }
            case TOOL_RESULT -> thread = result(turn, thread, iteration, lineAlerted);
            case ASSISTANT_TEXT -> {
                if (!LineFacts.userText(event).isEmpty()) {
                    thread = thread.withText(ThreadState.Said.of(event.uuid(), event.timestamp(), event.text()));
                }
            }
            case USER_PROMPT -> {
                if (AnalystPrompt.of(event).isPresent() || LineFacts.userText(event).startsWith("<command-name>")) {
                    thread = thread.withUserAction(event.timestamp());
                }
            }
            default -> {
                // other lines say nothing the later lines need
            }
        }
        turn.thread(thread);
    }

    private static ThreadState result(Turn turn, ThreadState thread, Optional<Rule> iteration, boolean lineAlerted) {
        EnrichedEvent event = turn.event();
        ToolCall call = turn.call();
        String backgroundTask = LineFacts.field(event, "/toolUseResult/backgroundTaskId");
        if (backgroundTask != null) {
            turn.session(turn.session().withBackgroundTask(backgroundTask, call.command()));
        }
        String key = "Bash".equals(call.toolName()) && call.command() != null ? CommandShape.of(call.command()).programKey() : call.toolName();
        ThreadState updated = thread;
        if ((LineFacts.failed(event) || failureInOutput(event)) && key != null) {
            String errorText = event.errorText() != null ? event.errorText() : event.text();
            updated = thread.withFailure(new ThreadState.Failure(key, iteration.map(Rule::id).orElse(null), event.toolUseId(),
                    call.toolName(), call.command(), ThreadState.Said.of(event.uuid(), event.timestamp(), null),
                    FailureText.firstErrorLine(errorText), lineAlerted, 0));
        } else if (succeeded(event)) {
            updated = thread.withSuccess("Bash".equals(call.toolName()) && call.command() != null
                    ? CommandShape.of(call.command()).allKeys() : key == null ? Set.of() : Set.of(key));
            if (LineFacts.WAIT_BY_DESIGN.contains(call.toolName()) && !LineFacts.BACKGROUND_WAITERS.contains(call.toolName())) {
                // The analyst answered a question or approved a plan: their last word.
                updated = updated.withUserAction(event.timestamp());
            }
        }
        return updated.withResultAt(event.timestamp());
    }

    /** A step that worked: no error, and no failure reported in its output (which only error-word rules signal on). */
    private static boolean succeeded(EnrichedEvent event) {
        return event.kind() == EventKind.TOOL_RESULT && !Boolean.TRUE.equals(event.isError()) && !failureInOutput(event);
    }

    /** A result without an error whose output reports a failure: a pipe hid the exit code, or the program exits 0 on failure. */
    private static boolean failureInOutput(EnrichedEvent event) {
        return event.kind() == EventKind.TOOL_RESULT && !Boolean.TRUE.equals(event.isError())
                && event.signals() != null && !event.signals().isEmpty();
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

    /** Drops the state of sessions whose last event is older than the retention: state stays bounded. */
    void forgetIdleSessions(long streamTime) {
        Instant horizon = Instant.ofEpochMilli(streamTime).minus(retention);
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, SessionContext> all = sessionStore.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.lastEventTime() != null && entry.value.lastEventTime().isBefore(horizon)) {
                    idle.add(entry.key);
                }
            });
        }
        for (String session : idle) {
            sessions.delete(session);
            deleteWithPrefix(calls, AlertStores.sessionPrefix(session));
            deleteWithPrefix(alerts, AlertStores.sessionPrefix(session));
        }
    }

    private static void deleteWithPrefix(KeyValueStore<String, ?> store, String prefix) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, ?> entries = store.prefixScan(prefix, new StringSerializer())) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }
}
