package io.sessionfriction.bench;

import java.time.Duration;

/**
 * One timed publication of the corpus.
 *
 * @param contender who published
 * @param round     1-based round of the alternation
 * @param elapsed   from start until every record was acknowledged (kcat) or committed (collector)
 * @param cpu       CPU time of this JVM (collector and broker) and of kcat in the same span
 * @param lines     corpus lines, the rate's numerator for every contender
 * @param bytes     corpus bytes
 * @param expected  records the topic should hold
 * @param counted   records a read_committed consumer found on the topic afterwards
 */
public record RunResult(String contender, int round, Duration elapsed, Duration cpu, long lines, long bytes, long expected,
        long counted) {

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    public double linesPerSecond() {
        return lines / seconds();
    }

    /** Megabytes of 10^6 bytes per second. */
    public double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }

    /** Megabytes published per CPU-second spent by publisher and broker together. */
    public double megabytesPerCpuSecond() {
        return cpu.isZero() ? 0 : bytes / 1e6 / (cpu.toNanos() / 1e9);
    }

    public boolean complete() {
        return counted == expected;
    }
}
