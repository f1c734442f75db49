package io.sessionfriction.bench.processor;

import java.time.Duration;

/**
 * One timed run of one contender over one corpus.
 *
 * @param contender who ran: {@code pass-through}, {@code topology}, {@code publish} or {@code replay}
 * @param round     1-based round of the alternation; below 1 a warm-up round, left out of the medians
 * @param threads   stream threads (0 where none run: publish, and replay, which takes its own)
 * @param elapsed   from the start until every input record was committed past (publish: acknowledged; replay: its
 *                  pipeline time)
 * @param startup   the part of {@code elapsed} before the Streams app was RUNNING (zero where none runs)
 * @param cpu       CPU time of this whole process (broker included) in the same span
 */
public record Measurement(String contender, String corpus, int round, int threads, Duration elapsed, Duration startup,
                          Duration cpu, long events, long bytes) {

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    public double eventsPerSecond() {
        return events / seconds();
    }

    /** Megabytes of 10^6 bytes per second. */
    public double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }

    public double cpuSeconds() {
        return cpu.toNanos() / 1e9;
    }

    /** CPU microseconds per event: flat across corpus sizes when the cost per event does not grow. */
    public double cpuMicrosPerEvent() {
        return cpu.toNanos() / 1e3 / events;
    }
}
