package io.sessionfriction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the calling thread spent its time, from Linux's {@code /proc/thread-self/schedstat}: on a CPU, and
 * runnable but waiting for a core. The rest of the wall time it was blocked (commits, a full producer
 * buffer, I/O). Zero where the file does not exist.
 *
 * @param onCpu      time running
 * @param waitingCpu time ready to run while other threads held both cores
 */
record ThreadSchedule(Duration onCpu, Duration waitingCpu) {

    static ThreadSchedule now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/thread-self/schedstat")).strip().split(" ");
            return new ThreadSchedule(Duration.ofNanos(Long.parseLong(fields[0])), Duration.ofNanos(Long.parseLong(fields[1])));
        } catch (IOException | RuntimeException e) {
            return new ThreadSchedule(Duration.ZERO, Duration.ZERO);
        }
    }

    ThreadSchedule since(ThreadSchedule earlier) {
        return new ThreadSchedule(onCpu.minus(earlier.onCpu), waitingCpu.minus(earlier.waitingCpu));
    }
}
