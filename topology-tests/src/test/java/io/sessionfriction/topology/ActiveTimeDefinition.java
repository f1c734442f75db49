package io.sessionfriction.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The definition of active time, written the plain way so tests can check the topology against it:
 * sort one session's event timestamps; a gap greater than the threshold starts a new block; active
 * time is the sum of (last - first) over the blocks.
 */
public final class ActiveTimeDefinition {

    private ActiveTimeDefinition() {
    }

    /** [start, end] in epoch millis per block, in time order. */
    public static List<long[]> blocks(Collection<Instant> times, Duration gap) {
        List<Long> sorted = times.stream().map(Instant::toEpochMilli).sorted().toList();
        List<long[]> blocks = new ArrayList<>();
        long start = sorted.get(0);
        long previous = start;
        for (long time : sorted.subList(1, sorted.size())) {
            if (time - previous > gap.toMillis()) {
                blocks.add(new long[] {start, previous});
                start = time;
            }
            previous = time;
        }
        blocks.add(new long[] {start, previous});
        return blocks;
    }

    public static double activeSeconds(Collection<Instant> times, Duration gap) {
        return blocks(times, gap).stream().mapToLong(block -> block[1] - block[0]).sum() / 1000.0;
    }
}
