package io.sessionfriction.processor.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A session's active blocks, as emitted to {@code session-activity} on every change. Consumers overwrite
 * by key: the figures are provisional until no more late batches can land, and corrected when one does.
 * Derived figures (total, first/last, wall clock) are computed from the blocks, so they cannot disagree.
 * Blocks older than the allowed lateness are folded into {@code earlierBlocks}, so a session's state
 * stays bounded however long it runs; the figures still cover the whole session.
 */
// Derived figures are methods, and Jackson places those in reflection order, which differs between JVM
// runs: without a fixed order the same input would give different bytes on the topic and in reports.
@JsonPropertyOrder({"sessionKey", "user", "earlierBlocks", "blocks", "totalActiveSeconds", "firstEvent", "lastEvent", "wallClockSeconds"})
public record SessionActivity(String sessionKey, String user,
                              EarlierBlocks earlierBlocks, List<Block> blocks) {

    /** @param earlierBlocks null until blocks were folded */
    public SessionActivity {
        blocks = List.copyOf(blocks);
    }

    public static SessionActivity empty(String sessionKey, String user) {
        return new SessionActivity(sessionKey, user, null, List.of());
    }

    /**
     * Adds one event at {@code at}: it joins every block it is within {@code gap} of (bridging them into
     * one when it falls between two), or opens a new block. Order of arrival does not matter.
     */
    SessionActivity plus(Instant at, EventCounts counts, Duration gap) {
        Block merged = Block.of(at, counts);
        List<Block> result = new ArrayList<>(blocks.size() + 1);
        for (Block block : blocks) {
            if (block.reaches(at, gap)) {
                merged = merged.merge(block);
            } else {
                result.add(block);
            }
        }
        result.add(merged);
        result.sort((a, b) -> a.start().compareTo(b.start()));
        return new SessionActivity(sessionKey, user, earlierBlocks, result);
    }

    SessionActivity withUser(String newUser) {
        return newUser == null || newUser.equals(user) ? this : new SessionActivity(sessionKey, newUser, earlierBlocks, blocks);
    }

    /**
     * Folds the blocks that ended before {@code horizon} into {@link #earlierBlocks()}, all but the latest:
     * an event that is not late (at or after the horizon) can reach only that one, since blocks are more
     * than the gap apart. The figures stay those of the whole session.
     */
    SessionActivity compactedBefore(Instant horizon) {
        int ended = 0;
        while (ended < blocks.size() && blocks.get(ended).end().isBefore(horizon)) {
            ended++;
        }
        if (ended <= 1) {
            return this;
        }
        EarlierBlocks folded = earlierBlocks == null ? EarlierBlocks.NONE : earlierBlocks;
        for (Block block : blocks.subList(0, ended - 1)) {
            folded = folded.plus(block);
        }
        return new SessionActivity(sessionKey, user, folded, blocks.subList(ended - 1, blocks.size()));
    }

    /** The block containing {@code at}, or null. */
    public Block blockAt(Instant at) {
        for (Block block : blocks) {
            if (!at.isBefore(block.start()) && !at.isAfter(block.end())) {
                return block;
            }
        }
        return null;
    }

    @JsonProperty(value = "totalActiveSeconds", access = JsonProperty.Access.READ_ONLY)
    public double totalActiveSeconds() {
        long millis = earlierBlocks == null ? 0 : earlierBlocks.activeMillis();
        for (Block block : blocks) {
            millis += Duration.between(block.start(), block.end()).toMillis();
        }
        return millis / 1000.0;
    }

    @JsonProperty(value = "firstEvent", access = JsonProperty.Access.READ_ONLY)
    public Instant firstEvent() {
        return earlierBlocks != null ? earlierBlocks.firstEvent() : blocks.isEmpty() ? null : blocks.get(0).start();
    }

    @JsonProperty(value = "lastEvent", access = JsonProperty.Access.READ_ONLY)
    public Instant lastEvent() {
        return blocks.isEmpty() ? null : blocks.get(blocks.size() - 1).end();
    }

    @JsonProperty(value = "wallClockSeconds", access = JsonProperty.Access.READ_ONLY)
    public double wallClockSeconds() {
        return blocks.isEmpty() ? 0 : Duration.between(firstEvent(), lastEvent()).toMillis() / 1000.0;
    }
}
