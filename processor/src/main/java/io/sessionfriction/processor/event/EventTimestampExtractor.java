package io.sessionfriction.processor.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is the line's {@code timestamp}, never the file's mtime or the record's produce time, but
 * the time Kafka Streams sees is bounded by the processor's clock. That time sets the partition's stream
 * time (which judges lateness and expires the dedup store, for every session on the partition) and it
 * stamps every output and changelog record, which a broker refuses when it is more than
 * {@code log.message.timestamp.after.max.ms} (an hour by default) ahead of its own clock. So:
 * <ul>
 *   <li>a line stamped after the clock (a laptop a few hours fast) counts as now: stream time never
 *       passes the clock, and every record written is acceptable to the broker;</li>
 *   <li>a line stamped more than {@link #MAX_AHEAD} after the clock (a year 2999) is implausible: it takes
 *       the partition's time, so it moves no clock, and the lateness stage sends it to the late topic
 *       with its reason ({@link #implausiblyAhead});</li>
 *   <li>lines without a usable time (untimed by design, or bound for the DLQ) take the partition's time
 *       too, so they neither move stream time nor get dropped: a negative timestamp would make Kafka
 *       Streams skip the record silently.</li>
 * </ul>
 * The event's own time stays in the value for everything that needs it (blocks, rules, alerts). Before
 * the partition has a time, untimed lines take 0, never the record's produce time: that is the wall
 * clock, and it would make a replay of last week's sessions late on its first line.
 */
public final class EventTimestampExtractor implements TimestampExtractor {

    /** How far ahead of the processor's clock a line may be stamped and still be placed (clocks a few hours off are). */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private final Clock clock;

    /** The system clock: the one Kafka's brokers check record times against. */
    public EventTimestampExtractor() {
        this(Clock.systemUTC());
    }

    public EventTimestampExtractor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long fallback = Math.max(partitionTime, 0);
        if (record.value() instanceof TranscriptLine line && line.isParsed()
                && EventTime.of(line.json(), EventClassifier.classify(line.json())) instanceof EventTime.At at) {
            long eventTime = at.instant().toEpochMilli();
            long now = clock.millis();
            return eventTime - now > MAX_AHEAD.toMillis() ? fallback : Math.min(eventTime, now);
        }
        return fallback;
    }

    /**
     * True when this extractor set the record's time to the partition's because the event was stamped more
     * than {@link #MAX_AHEAD} after the clock: a bounded line is at most that far behind its event time,
     * and partition time is never after the clock. Judged from the record alone, so every stage agrees.
     */
    public static boolean implausiblyAhead(Instant eventTime, long recordTimestamp) {
        return eventTime.toEpochMilli() - recordTimestamp > MAX_AHEAD.toMillis();
    }
}
