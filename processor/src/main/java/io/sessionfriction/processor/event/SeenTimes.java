package io.sessionfriction.processor.event;

import java.util.Arrays;

/** When one id was seen: nearly always once; again only where the earlier time was outside the retention. */
public record SeenTimes(long[] at) {

    static SeenTimes of(long time) {
        return new SeenTimes(new long[] {time});
    }

    SeenTimes with(long time) {
        long[] grown = Arrays.copyOf(at, at.length + 1);
        grown[at.length] = time;
        return new SeenTimes(grown);
    }

    boolean anyWithin(long from, long to) {
        for (long time : at) {
            if (time >= from && time <= to) {
                return true;
            }
        }
        return false;
    }
}
