package io.sessionfriction.replay;

/**
 * What a replay tells while its pipeline works, for a progress line. {@link #progress} and {@link #finished}
 * come from the replay's own progress thread, and only once the run has lasted long enough to need them.
 */
public interface ReplayListener {

    /** The collector starts publishing the run's {@code events} from {@code files} files. */
    default void started(long events, long files) {
    }

    /** So far: events the processor committed and files the collector published. */
    default void progress(long events, long files) {
    }

    /** Every event is processed; follows a last {@link #progress} with the totals. */
    default void finished() {
    }
}
