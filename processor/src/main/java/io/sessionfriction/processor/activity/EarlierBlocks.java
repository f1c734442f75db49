package io.sessionfriction.processor.activity;

import java.time.Duration;
import java.time.Instant;

/**
 * A session's blocks that ended before the allowed lateness, folded into their totals: no event can join
 * them any more (it would be late), so only their sums are kept (see StateHorizons).
 *
 * @param blocks       how many blocks were folded
 * @param activeMillis their active time
 * @param firstEvent   the session's first event, the first block's start
 */
public record EarlierBlocks(long blocks, long activeMillis, long events, long toolUses, long errors, Instant firstEvent) {

    static final EarlierBlocks NONE = new EarlierBlocks(0, 0, 0, 0, 0, null);

    EarlierBlocks plus(Block block) {
        return new EarlierBlocks(blocks + 1, activeMillis + Duration.between(block.start(), block.end()).toMillis(),
                events + block.events(), toolUses + block.toolUses(), errors + block.errors(),
                firstEvent == null || block.start().isBefore(firstEvent) ? block.start() : firstEvent);
    }
}
