package io.sessionfriction.processor.event;

import static io.sessionfriction.processor.event.Lines.T0;
import static io.sessionfriction.processor.event.Lines.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventClassifierTest {

    @Test
    void userLinesAreTypedPromptsToolResultsOrCompactSummaries() {
        assertThat(EventClassifier.classify(Lines.userPrompt("hi", T0))).isEqualTo(EventKind.USER_PROMPT);
        assertThat(EventClassifier.classify(json("""
                {"type":"user","message":{"content":[{"type":"text","text":"hi"}]}}"""))).isEqualTo(EventKind.USER_PROMPT);
        assertThat(EventClassifier.classify(Lines.toolResult("toolu_1", "ok", false, "{}", T0))).isEqualTo(EventKind.TOOL_RESULT);
        assertThat(EventClassifier.classify(json("""
                {"type":"user","isCompactSummary":true,"message":{"content":"This session is being continued"}}""")))
                .isEqualTo(EventKind.COMPACT_SUMMARY);
    }

    @Test
    void assistantLinesAreClassifiedByTheirContentBlock() {
        assertThat(EventClassifier.classify(Lines.bashToolUse("toolu_1", "ls", T0))).isEqualTo(EventKind.TOOL_USE);
        assertThat(EventClassifier.classify(json("""
                {"type":"assistant","message":{"content":[{"type":"text","text":"Done."}]}}"""))).isEqualTo(EventKind.ASSISTANT_TEXT);
        assertThat(EventClassifier.classify(json("""
                {"type":"assistant","message":{"content":[{"type":"thinking","thinking":"hm"}]}}"""))).isEqualTo(EventKind.ASSISTANT_THINKING);
    }

    @Test
    void progressSystemAndEnvelopeLessLinesHaveTheirOwnKinds() {
        assertThat(EventClassifier.classify(Lines.bashProgress("toolu_1", 2, T0))).isEqualTo(EventKind.BASH_PROGRESS);
        assertThat(EventClassifier.classify(json("{\"type\":\"progress\",\"data\":{\"type\":\"hook_progress\"}}"))).isEqualTo(EventKind.HOOK_PROGRESS);
        assertThat(EventClassifier.classify(json("{\"type\":\"progress\",\"data\":{\"type\":\"agent_progress\"}}"))).isEqualTo(EventKind.AGENT_PROGRESS);
        assertThat(EventClassifier.classify(json("{\"type\":\"progress\",\"data\":{\"type\":\"mcp_progress\"}}"))).isEqualTo(EventKind.OTHER_PROGRESS);
        assertThat(EventClassifier.classify(json("{\"type\":\"system\",\"subtype\":\"api_error\"}"))).isEqualTo(EventKind.API_ERROR);
        assertThat(EventClassifier.classify(json("{\"type\":\"system\",\"subtype\":\"compact_boundary\"}"))).isEqualTo(EventKind.COMPACT_BOUNDARY);
        assertThat(EventClassifier.classify(json("{\"type\":\"system\",\"subtype\":\"microcompact_boundary\"}"))).isEqualTo(EventKind.COMPACT_BOUNDARY);
        assertThat(EventClassifier.classify(json("{\"type\":\"system\",\"subtype\":\"turn_duration\"}"))).isEqualTo(EventKind.SYSTEM);
        assertThat(EventClassifier.classify(json("{\"type\":\"summary\",\"summary\":\"t\"}"))).isEqualTo(EventKind.SUMMARY);
        assertThat(EventClassifier.classify(json("{\"type\":\"file-history-snapshot\"}"))).isEqualTo(EventKind.FILE_HISTORY_SNAPSHOT);
        assertThat(EventClassifier.classify(json("{\"type\":\"queue-operation\"}"))).isEqualTo(EventKind.QUEUE_OPERATION);
        assertThat(EventClassifier.classify(json("{\"type\":\"pr-link\"}"))).isEqualTo(EventKind.PR_LINK);
        assertThat(EventClassifier.classify(json("{\"type\":\"attachment\"}"))).isEqualTo(EventKind.UNKNOWN);
        assertThat(EventClassifier.classify(json("{\"no\":\"type\"}"))).isEqualTo(EventKind.UNKNOWN);
    }
}
