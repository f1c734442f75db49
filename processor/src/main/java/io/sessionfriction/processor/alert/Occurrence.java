package io.sessionfriction.processor.alert;

import io.sessionfriction.processor.rules.Rule;

/**
 * One sighting of a rule on a line, before it is folded into an alert.
 *
 * @param key    identifies the underlying problem instance, so the several lines one failure writes
 *               (PostToolUseFailure hook, tool_result; compact boundary, continuation summary) count once
 * @param weight how many occurrences this sighting stands for (a retry loop reports the runs before it fired)
 */
record Occurrence(Rule rule, String excerpt, String key, long weight, ToolCall call) {
}
