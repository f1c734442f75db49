package io.sessionfriction.processor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sessionfriction.processor.rules.Rule;
import io.sessionfriction.processor.rules.Severity;

/**
 * {@link ProcessorEvents} as log lines and Micrometer counters, under the application's one prefix
 * ({@code session_friction_processor_*} in Prometheus). Every counter exists, at 0, from the start: each
 * dead-letter reason, and with the rules and redaction kinds given, each rule's alerts on either topic and
 * each kind's redactions. Tags take a bounded
 * set of values, never text from a line.
 */
public final class MeteredProcessorEvents implements ProcessorEvents {

    public static final String PREFIX = "session.friction.processor.";
    public static final String DEAD_LETTERS = PREFIX + "dead.letters";
    public static final String DUPLICATES = PREFIX + "duplicates";
    public static final String LATE_EVENTS = PREFIX + "late.events";
    public static final String ALERTS = PREFIX + "alerts";
    public static final String REDACTIONS = PREFIX + "redactions";

    /** The {@code reason} tag of a dead letter: the kind of its error, from its stable start. */
    public enum DeadLetterReason {
        MALFORMED_JSON("malformed JSON"),
        NOT_AN_OBJECT("not a JSON object"),
        EMPTY_VALUE("empty value"),
        NO_SESSION_KEY("record has no session key"),
        MISSING_TIMESTAMP("missing timestamp"),
        UNPARSABLE_TIMESTAMP("unparsable timestamp", "timestamp is not"),
        TIMESTAMP_OUT_OF_RANGE("timestamp out of range"),
        PROCESSING_FAILED("processing failed in"),
        OTHER();

        private final List<String> starts;

        DeadLetterReason(String... starts) {
            this.starts = List.of(starts);
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static DeadLetterReason of(String error) {
            for (DeadLetterReason reason : values()) {
                if (reason.starts.stream().anyMatch(error::startsWith)) {
                    return reason;
                }
            }
            return OTHER;
        }
    }

    /** The {@code reason} tag of a late event, from the stable start of its reason (activity.Timeliness writes them). */
    public enum LateReason {
        BEHIND_STREAM_TIME("behind stream time"),
        AHEAD_OF_CLOCK("ahead of the processor's clock");

        private final String start;

        LateReason(String start) {
            this.start = start;
        }

        public String start() {
            return start;
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(MeteredProcessorEvents.class);

    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Counter behindStreamTime;
    private final Counter aheadOfClock;

    /** The topology's counters; alert counters appear as alerts are published. */
    public MeteredProcessorEvents(MeterRegistry registry) {
        this(registry, List.of());
    }

    /** With every alert counter of {@code rules} (rule, its severity, on either topic) registered at 0. */
    public MeteredProcessorEvents(MeterRegistry registry, List<Rule> rules) {
        this(registry, rules, List.of());
    }

    /** With the redaction counter of each of {@code redactionKinds} registered at 0 too. */
    public MeteredProcessorEvents(MeterRegistry registry, List<Rule> rules, Collection<String> redactionKinds) {
        this.registry = registry;
        redactionKinds.forEach(this::redactions);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters(reason);
        }
        duplicates = Counter.builder(DUPLICATES).description("repeated lines dropped").register(registry);
        behindStreamTime = late(LateReason.BEHIND_STREAM_TIME);
        aheadOfClock = late(LateReason.AHEAD_OF_CLOCK);
        for (Rule rule : rules) {
            alerts(rule.id(), rule.severity().label(), false);
            alerts(rule.id(), rule.severity().label(), true);
        }
    }

    @Override
    public void deadLettered(String sessionKey, String reason) {
        LOG.warn("Line of session {} sent to the DLQ: {}", sessionKey, reason);
        deadLetters(DeadLetterReason.of(reason)).increment();
    }

    @Override
    public void redacted(String sessionKey, String kind, int count) {
        LOG.debug("{} {} redacted in a line of session {}", count, kind, sessionKey);
        redactions(kind).increment(count);
    }

    private Counter redactions(String kind) {
        return Counter.builder(REDACTIONS).tag("kind", kind).description("secrets replaced by placeholders, by kind of secret")
                .register(registry);
    }

    @Override
    public void duplicateDropped(String sessionKey) {
        LOG.debug("Repeated line of session {} dropped", sessionKey);
        duplicates.increment();
    }

    @Override
    public void lateEvent(String sessionKey, Instant eventTime, String reason) {
        LOG.warn("Event of session {} at {} sent to the late topic: {}", sessionKey, eventTime, reason);
        (reason.startsWith(LateReason.AHEAD_OF_CLOCK.start) ? aheadOfClock : behindStreamTime).increment();
    }

    @Override
    public void alertPublished(String sessionKey, String rule, Severity severity, boolean suppressed) {
        LOG.debug("Alert {} ({}) for session {}{}", rule, severity.label(), sessionKey, suppressed ? ", suppressed by a fix" : "");
        alerts(rule, severity.label(), suppressed).increment();
    }

    private Counter late(LateReason reason) {
        return Counter.builder(LATE_EVENTS).tag("reason", reason.tag()).description("events sent to the late topic")
                .register(registry);
    }

    private Counter deadLetters(DeadLetterReason reason) {
        return Counter.builder(DEAD_LETTERS).tag("reason", reason.tag()).description("lines sent to the DLQ")
                .register(registry);
    }

    private Counter alerts(String rule, String severity, boolean suppressed) {
        return Counter.builder(ALERTS).tags("rule", rule, "severity", severity, "suppressed", Boolean.toString(suppressed))
                .description("alert records published").register(registry);
    }
}
