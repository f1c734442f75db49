package io.sessionfriction.processor.alert;

import java.util.List;

import io.sessionfriction.processor.rules.Rule;

/**
 * The agent ending its turn claiming success ({@link AgentText#claimsSuccess}) while a step that failed
 * among its last few steps has not succeeded since (a rejected commit, a test run whose failure a pipe
 * hid). Judged on the turn's final text, when the turn ends: narration between steps is not a claim.
 * The failures it covers are explained by it, so the agent giving up on them raises nothing more.
 */
final class SuccessAfterFailureDetector implements PatternDetector {

    @Override
    public void detect(Rule rule, Turn turn) {
        ThreadState ended = turn.ended();
        if (ended == null || ended.finalText() == null || !AgentText.claimsSuccess(ended.finalText().text())) {
            return;
        }
        List<ThreadState.Failure> failures = ended.failures();
        if (failures.isEmpty()) {
            return;
        }
        ThreadState.Failure last = failures.get(failures.size() - 1);
        ThreadState.Said claim = ended.finalText();
        String excerpt = "claims success after a failed " + last.key() + (last.errorLine() == null ? "" : ": " + last.errorLine());
        FrictionAlert.Evidence line = new FrictionAlert.Evidence(claim.uuid(), claim.timestamp(), excerpt);
        turn.found(new Occurrence(rule, excerpt, claim.uuid(), 1, ToolCall.UNKNOWN, line, last.errorLine(), 0));
        turn.thread(turn.thread().withAllAlerted());
    }
}
