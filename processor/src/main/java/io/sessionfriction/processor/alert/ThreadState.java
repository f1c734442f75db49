package io.sessionfriction.processor.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the alert stage remembers of one conversation thread of a session (the main agent, or one
 * subagent): the failures of its recent steps that have not succeeded since, how its last turn ended,
 * and what the analyst last did in it. A turn runs from the analyst's prompt to the agent's stop.
 *
 * @param failures        recent failed steps not succeeded since, oldest first (at most {@link #FAILURES_KEPT})
 * @param lastResultAt    event time of the thread's latest tool result (a call issued before it waited for it)
 * @param finalText       the agent's latest text in the current turn: its last word when the turn ends
 * @param active          the agent did something since the last turn ended
 * @param lastTurnClaimed the last ended turn's final text claimed the work done
 * @param lastTurnFailing the last ended turn ended with failed steps not succeeded since
 * @param lastStoppedCall the tool call the analyst last refused or interrupted (its interrupt line is the same refusal)
 * @param pendingPlan     a refused ExitPlanMode not yet judged: "Implement the following plan" next makes it an approval
 * @param lastUserActionAt event time of the analyst's last prompt or answer
 */
record ThreadState(
        List<Failure> failures,
        Instant lastResultAt,
        Said finalText,
        boolean active,
        boolean lastTurnClaimed,
        boolean lastTurnFailing,
        String lastStoppedCall,
        Said pendingPlan,
        Instant lastUserActionAt) {

    static final int FAILURES_KEPT = 10;
    /** A failure counts as the agent's recent step while at most this many steps succeeded after it. */
    static final int RECENT_STEPS = 3;
    static final int TEXT_CHARS = 1000;

    ThreadState {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    static ThreadState empty() {
        return new ThreadState(List.of(), null, null, false, false, false, null, null, null);
    }

    /** A line of the thread, kept as evidence: uuid, event time and its text (capped). */
    record Said(String uuid, Instant timestamp, String text) {

        static Said of(String uuid, Instant timestamp, String text) {
            String capped = text == null || text.length() <= TEXT_CHARS ? text : text.substring(0, TEXT_CHARS);
            return new Said(uuid, timestamp, capped);
        }
    }

    /**
     * A failed step: the program and subcommand (Bash) or tool that failed, the iteration rule its line
     * signalled (null when another rule alerted on the line), and whether its line already alerted.
     */
    record Failure(String key, String rule, String toolUseId, String toolName, String command, Said line, String errorLine,
                   boolean alerted, int successesSince) {

        Failure marked() {
            return new Failure(key, rule, toolUseId, toolName, command, line, errorLine, true, successesSince);
        }

        Failure older() {
            return new Failure(key, rule, toolUseId, toolName, command, line, errorLine, alerted, successesSince + 1);
        }
    }

    ThreadState withFailure(Failure failure) {
        List<Failure> kept = new ArrayList<>(failures);
        kept.add(failure);
        return withFailures(kept.size() <= FAILURES_KEPT ? kept : kept.subList(kept.size() - FAILURES_KEPT, kept.size()));
    }

    /** A step succeeded: failures of the same steps are resolved, the others are one step older. */
    ThreadState withSuccess(Set<String> keys) {
        List<Failure> kept = new ArrayList<>();
        for (Failure failure : failures) {
            if (!keys.contains(failure.key()) && failure.successesSince() < RECENT_STEPS) {
                kept.add(failure.older());
            }
        }
        return withFailures(kept);
    }

    /** The failure recorded for {@code toolUseId} marked as alerted (its line got an alert of its own). */
    ThreadState withAlerted(String toolUseId) {
        return withFailures(failures.stream().map(f -> f.toolUseId() != null && f.toolUseId().equals(toolUseId) ? f.marked() : f).toList());
    }

    /** The failures of one step marked alerted: a loop counted them. */
    ThreadState withKeyAlerted(String key) {
        return withFailures(failures.stream().map(f -> f.key().equals(key) ? f.marked() : f).toList());
    }

    /** Every failure marked alerted: a rule alerted on all of them together (a claim). */
    ThreadState withAllAlerted() {
        return withFailures(failures.stream().map(Failure::marked).toList());
    }

    ThreadState withFailures(List<Failure> updated) {
        return new ThreadState(updated, lastResultAt, finalText, active, lastTurnClaimed, lastTurnFailing, lastStoppedCall,
                pendingPlan, lastUserActionAt);
    }

    ThreadState withResultAt(Instant at) {
        Instant latest = lastResultAt == null || at.isAfter(lastResultAt) ? at : lastResultAt;
        return new ThreadState(failures, latest, finalText, true, lastTurnClaimed, lastTurnFailing, lastStoppedCall,
                pendingPlan, lastUserActionAt);
    }

    ThreadState withText(Said text) {
        return new ThreadState(failures, lastResultAt, text, true, lastTurnClaimed, lastTurnFailing, lastStoppedCall,
                pendingPlan, lastUserActionAt);
    }

    ThreadState withActivity() {
        return active ? this : new ThreadState(failures, lastResultAt, finalText, true, lastTurnClaimed, lastTurnFailing,
                lastStoppedCall, pendingPlan, lastUserActionAt);
    }

    /** The turn is over: how it ended is kept for the analyst's next prompt; its final text is forgotten. */
    ThreadState endTurn(boolean claimed) {
        return new ThreadState(failures, lastResultAt, null, false, claimed, !failures.isEmpty(), lastStoppedCall,
                pendingPlan, lastUserActionAt);
    }

    ThreadState withStoppedCall(String toolUseId) {
        return new ThreadState(failures, lastResultAt, finalText, active, lastTurnClaimed, lastTurnFailing, toolUseId,
                pendingPlan, lastUserActionAt);
    }

    ThreadState withPendingPlan(Said plan) {
        return new ThreadState(failures, lastResultAt, finalText, active, lastTurnClaimed, lastTurnFailing, lastStoppedCall,
                plan, lastUserActionAt);
    }

    ThreadState withUserAction(Instant at) {
        return new ThreadState(failures, lastResultAt, finalText, active, lastTurnClaimed, lastTurnFailing, lastStoppedCall,
                pendingPlan, at);
    }
}
