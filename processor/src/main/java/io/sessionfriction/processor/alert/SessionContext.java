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
 * active block as seen in arrival order, the last user prompts, the permission mode, per-step counts of
 * the current block for the retry-loop pattern, the background tasks started, and the state of each
 * conversation thread (main agent, subagents). Everything is bounded, whatever the session's length.
 */
record SessionContext(
        Instant sessionStart,
        Instant blockStart,
        Instant lastEventTime,
        List<String> lastPrompts,
        List<String> recentPromptKeys,
        Map<String, LoopCount> loops,
        String permissionMode,
        Map<String, ThreadState> threads,
        Map<String, String> backgroundTasks) {

    static final int PROMPTS_KEPT = 3;
    static final int PROMPT_CHARS = 500;
    static final int PROMPT_KEYS_KEPT = 10;
    static final int LOOPS_KEPT = 200;
    static final int THREADS_KEPT = 16;
    static final int TASKS_KEPT = 20;
    static final String MAIN_THREAD = "main";

    SessionContext {
        lastPrompts = lastPrompts == null ? List.of() : List.copyOf(lastPrompts);
        recentPromptKeys = recentPromptKeys == null ? List.of() : List.copyOf(recentPromptKeys);
        // Map.copyOf and Set.copyOf iterate in an order that changes with every JVM run; the stored
        // bytes, and the eviction below, must be the same for the same input.
        loops = loops == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(loops));
        threads = threads == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(threads));
        backgroundTasks = backgroundTasks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(backgroundTasks));
    }

    static SessionContext empty() {
        return new SessionContext(null, null, null, List.of(), List.of(), Map.of(), null, Map.of(), Map.of());
    }

    /**
     * Counts of one step in the current block: runs of a normalized command, or the row of failures of one
     * program and subcommand since it last succeeded, with the signature of the last failure
     * ({@link FailureText}) and whether it repeated the error before it; and the rules that fired on it.
     */
    record LoopCount(int runs, int failures, List<Integer> signature, boolean sameAsBefore, Set<String> firedBy) {

        static final LoopCount NONE = new LoopCount(0, 0, List.of(), false, Set.of());

        LoopCount {
            signature = signature == null ? List.of() : List.copyOf(signature);
            firedBy = firedBy == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(firedBy));
        }

        LoopCount run() {
            return new LoopCount(runs + 1, failures, signature, sameAsBefore, firedBy);
        }

        LoopCount fail(List<Integer> failedWith) {
            boolean same = failures > 0 && FailureText.similar(signature, failedWith);
            return new LoopCount(runs, failures + 1, failedWith, same, firedBy);
        }

        /** The step succeeded: its row of failures is over. */
        LoopCount succeed() {
            return new LoopCount(runs, 0, List.of(), false, Set.of());
        }

        LoopCount firedBy(String ruleId) {
            Set<String> rules = new TreeSet<>(firedBy);
            rules.add(ruleId);
            return new LoopCount(runs, failures, signature, sameAsBefore, rules);
        }
    }

    /**
     * Takes an event time into account. An event more than {@code gap} after the latest one starts a new
     * block (the definition of active blocks), and loop counts start over, since a loop is per block.
     */
    SessionContext observe(Instant time, Duration gap) {
        Instant start = sessionStart == null || time.isBefore(sessionStart) ? time : sessionStart;
        if (lastEventTime == null || time.isAfter(lastEventTime.plus(gap))) {
            return new SessionContext(start, time, time, lastPrompts, recentPromptKeys, Map.of(), permissionMode, threads,
                    backgroundTasks);
        }
        Instant last = time.isAfter(lastEventTime) ? time : lastEventTime;
        // Lines arrive slightly out of order (median 2 ms back): an earlier one within the gap widens the
        // block; one from an older block (a late batch) leaves the current block alone.
        boolean widens = time.isBefore(blockStart) && !time.isBefore(blockStart.minus(gap));
        Instant block = widens ? time : blockStart;
        return new SessionContext(start, block, last, lastPrompts, recentPromptKeys, loops, permissionMode, threads, backgroundTasks);
    }

    /** What a session idle for longer than the allowed lateness keeps: its loops were of a block that is over. */
    SessionContext compacted() {
        return loops.isEmpty() ? this : new SessionContext(sessionStart, blockStart, lastEventTime, lastPrompts, recentPromptKeys,
                Map.of(), permissionMode, threads, backgroundTasks);
    }

    SessionContext withPrompt(String text, String key) {
        String capped = text.length() <= PROMPT_CHARS ? text : text.substring(0, PROMPT_CHARS) + "…";
        return new SessionContext(sessionStart, blockStart, lastEventTime,
                keepLast(lastPrompts, capped, PROMPTS_KEPT), keepLast(recentPromptKeys, key, PROMPT_KEYS_KEPT), loops,
                permissionMode, threads, backgroundTasks);
    }

    SessionContext withPermissionMode(String mode) {
        return new SessionContext(sessionStart, blockStart, lastEventTime, lastPrompts, recentPromptKeys, loops, mode, threads,
                backgroundTasks);
    }

    boolean permissionsBypassed() {
        return "bypassPermissions".equals(permissionMode);
    }

    ThreadState thread(String key) {
        return threads.getOrDefault(key, ThreadState.empty());
    }

    SessionContext withThread(String key, ThreadState state) {
        Map<String, ThreadState> updated = new LinkedHashMap<>(threads);
        updated.remove(key);
        updated.put(key, state);
        if (updated.size() > THREADS_KEPT) {
            // The least recently touched subagent is forgotten; the main thread stays.
            updated.keySet().stream().filter(k -> !k.equals(MAIN_THREAD)).findFirst().ifPresent(updated::remove);
        }
        return new SessionContext(sessionStart, blockStart, lastEventTime, lastPrompts, recentPromptKeys, loops, permissionMode,
                updated, backgroundTasks);
    }

    /** The command behind a background task id, if the session started it. */
    String backgroundCommand(String taskId) {
        return taskId == null ? null : backgroundTasks.get(taskId);
    }

    SessionContext withBackgroundTask(String taskId, String command) {
        Map<String, String> updated = new LinkedHashMap<>(backgroundTasks);
        updated.put(taskId, command == null ? "" : command);
        if (updated.size() > TASKS_KEPT) {
            updated.remove(updated.keySet().iterator().next());
        }
        return new SessionContext(sessionStart, blockStart, lastEventTime, lastPrompts, recentPromptKeys, loops, permissionMode,
                threads, updated);
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
        return new SessionContext(sessionStart, blockStart, lastEventTime, lastPrompts, recentPromptKeys, updated, permissionMode,
                threads, backgroundTasks);
    }

    private static List<String> keepLast(List<String> list, String value, int max) {
        List<String> kept = new ArrayList<>(list);
        kept.add(value);
        return kept.size() <= max ? kept : kept.subList(kept.size() - max, kept.size());
    }
}
