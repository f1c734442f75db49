package io.sessionfriction.processor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the alert stage remembers per session (store {@code alert-session-context}): time bounds, the
 * active block as seen in arrival order, the last user prompts, and per-command run counts of the
 * current block for the retry-loop pattern. Everything is bounded, whatever the session's length.
 */
record SessionContext(
        Instant sessionStart,
        Instant blockStart,
        Instant lastEventTime,
        List<String> lastPrompts,
        List<String> recentPromptKeys,
        Map<String, LoopCount> loops) {

    static final int PROMPTS_KEPT = 3;
    static final int PROMPT_CHARS = 500;
    static final int PROMPT_KEYS_KEPT = 10;
    static final int LOOPS_KEPT = 200;

    SessionContext {
        lastPrompts = lastPrompts == null ? List.of() : List.copyOf(lastPrompts);
        recentPromptKeys = recentPromptKeys == null ? List.of() : List.copyOf(recentPromptKeys);
        // Map.copyOf and Set.copyOf iterate in an order that changes with every JVM run; the stored
        // bytes, and the eviction below, must be the same for the same input.
        loops = loops == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(loops));
    }

    static SessionContext empty() {
        return new SessionContext(null, null, null, List.of(), List.of(), Map.of());
    }

    /** Runs and failures of one normalized command in the current block, and the rules that already fired on it. */
    record LoopCount(int runs, int failures, Set<String> firedBy) {

        static final LoopCount NONE = new LoopCount(0, 0, Set.of());

        LoopCount {
            firedBy = firedBy == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(firedBy));
        }

        LoopCount run() {
            return new LoopCount(runs + 1, failures, firedBy);
        }

        LoopCount fail() {
            return new LoopCount(runs, failures + 1, firedBy);
        }

        LoopCount firedBy(String ruleId) {
            Set<String> rules = new TreeSet<>(firedBy);
            rules.add(ruleId);
            return new LoopCount(runs, failures, rules);
        }
    }

    /**
     * Takes an event time into account. An event more than {@code gap} after the latest one starts a new
     * block (the definition of active blocks), and loop counts start over, since a loop is per block.
     */
    SessionContext observe(Instant time, Duration gap) {
        Instant start = sessionStart == null || time.isBefore(sessionStart) ? time : sessionStart;
        if (lastEventTime == null || time.isAfter(lastEventTime.plus(gap))) {
            return new SessionContext(start, time, time, lastPrompts, recentPromptKeys, Map.of());
        }
        Instant last = time.isAfter(lastEventTime) ? time : lastEventTime;
        // Lines arrive slightly out of order (median 2 ms back): an earlier one within the gap widens the
        // block; one from an older block (a late batch) leaves the current block alone.
        boolean widens = time.isBefore(blockStart) && !time.isBefore(blockStart.minus(gap));
        Instant block = widens ? time : blockStart;
        return new SessionContext(start, block, last, lastPrompts, recentPromptKeys, loops);
    }

    SessionContext withPrompt(String text, String key) {
        String capped = text.length() <= PROMPT_CHARS ? text : text.substring(0, PROMPT_CHARS) + "…";
        return new SessionContext(sessionStart, blockStart, lastEventTime,
                keepLast(lastPrompts, capped, PROMPTS_KEPT), keepLast(recentPromptKeys, key, PROMPT_KEYS_KEPT), loops);
    }

    LoopCount loop(String command) {
        return loops.getOrDefault(command, LoopCount.NONE);
    }

    SessionContext withLoop(String command, LoopCount count) {
        Map<String, LoopCount> updated = new LinkedHashMap<>(loops);
        updated.put(command, count);
        if (updated.size() > LOOPS_KEPT) {
            // A block with hundreds of distinct commands is not a loop; forget one that ran least (the
            // first by name among equals, so a replay forgets the same one).
            updated.entrySet().stream().filter(e -> !e.getKey().equals(command))
                    .min(Comparator.comparingInt((Map.Entry<String, LoopCount> e) -> e.getValue().runs())
                            .thenComparing(Map.Entry::getKey))
                    .ifPresent(least -> updated.remove(least.getKey()));
        }
        return new SessionContext(sessionStart, blockStart, lastEventTime, lastPrompts, recentPromptKeys, updated);
    }

    private static List<String> keepLast(List<String> list, String value, int max) {
        List<String> kept = new ArrayList<>(list);
        kept.add(value);
        return kept.size() <= max ? kept : kept.subList(kept.size() - max, kept.size());
    }
}
