package io.sessionfriction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time this JVM used, plus that of its finished children (kcat): the in-process broker works for
 * both contenders, so one figure covers publisher and broker alike. Unlike wall time it hardly moves
 * when other processes share the cores. Linux only; zero elsewhere.
 */
public final class ProcessCpu {

    /** USER_HZ, the unit of /proc/[pid]/stat times; 100 on every mainstream Linux. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    public static Duration used() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name may hold spaces; fields after it are fixed: utime, stime, cutime, cstime at 11..14.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int i = 11; i <= 14; i++) {
                ticks += Long.parseLong(fields[i]);
            }
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }
}
