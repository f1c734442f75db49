package io.sessionfriction.processor.topology;

import java.time.Duration;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes every record on, and asks Kafka Streams to commit as soon as a task's input has run dry instead of
 * at the end of the commit interval. A replay commits once a second, so without this a run waits up to a
 * second after its last event for the commit that makes its results readable; while records keep coming
 * nothing changes.
 */
public final class CommitWhenIdle<V> implements FixedKeyProcessor<String, V, V> {

    private final Duration check;
    private final Idleness idleness = new Idleness();
    private FixedKeyProcessorContext<String, V> context;

    /** @param check how often the task looks whether records came since it last looked */
    public CommitWhenIdle(Duration check) {
        this.check = check;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        context.schedule(check, PunctuationType.WALL_CLOCK_TIME, now -> {
            if (idleness.dryAfterRecords()) {
                context.commit();
            }
        });
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        idleness.recordSeen();
        context.forward(record);
    }

    /** Whether a task went dry after processing records: true once per dry spell, at its first check. */
    static final class Idleness {

        private boolean seenSinceCheck;
        private boolean seenSinceRequest;

        void recordSeen() {
            seenSinceCheck = true;
            seenSinceRequest = true;
        }

        boolean dryAfterRecords() {
            if (seenSinceCheck) {
                seenSinceCheck = false;
                return false;
            }
            boolean request = seenSinceRequest;
            seenSinceRequest = false;
            return request;
        }
    }
}
