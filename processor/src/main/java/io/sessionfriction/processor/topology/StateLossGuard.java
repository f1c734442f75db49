package io.sessionfriction.processor.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Stops the processor when a task whose stores keep no changelog starts a second time after it processed
 * records. Kafka Streams starts a task again when it revives one (an exactly-once task marked corrupted after a
 * timeout) or moves it to another thread; with a changelog it restores the stores first, without one they come
 * back empty and the run would go on to report on part of each session. Failing loudly is the only honest
 * answer for a replay, which can simply be run again. Passes every record on unchanged.
 */
public final class StateLossGuard<V> implements FixedKeyProcessor<String, V, V> {

    private final Starts starts;
    private FixedKeyProcessorContext<String, V> context;
    private boolean processed;

    /** @param starts shared by every task of one topology */
    public StateLossGuard(Starts starts) {
        this.starts = starts;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        starts.started(context.taskId());
        processed = false;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (!processed) {
            processed = true;
            starts.processed(context.taskId());
        }
        context.forward(record);
    }

    /** Which tasks of a topology have processed records; one per topology, as a topology's tasks share it. */
    public static final class Starts {

        private final Map<TaskId, Boolean> processed = new ConcurrentHashMap<>();

        void started(TaskId task) {
            if (Boolean.TRUE.equals(processed.putIfAbsent(task, Boolean.FALSE))) {
                throw new IllegalStateException("Task " + task + " started again after it processed records; its "
                        + "stores keep no changelog (a replay's), so their state is lost: the processor stops rather "
                        + "than go on with part of each session");
            }
        }

        void processed(TaskId task) {
            processed.put(task, Boolean.TRUE);
        }
    }
}
