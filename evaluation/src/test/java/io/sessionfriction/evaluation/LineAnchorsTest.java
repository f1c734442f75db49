package io.sessionfriction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines of one thing are one anchor: a call's lines, a refusal and its interrupt line, a compaction and its summary. */
class LineAnchorsTest {

    @TempDir
    Path root;

    private LineAnchors anchorsOf(String... lines) throws IOException {
        Path file = Files.createDirectories(root.resolve("alice")).resolve("2026-02-10_258c7280-ae70-4798-800f-63464d01a85d.jsonl");
        Files.write(file, List.of(lines));
        return LineAnchors.of(SessionTranscripts.under(root).get(0));
    }

    @Test
    void theLinesOfOneToolCallAreOneAnchor() throws IOException {
        LineAnchors anchors = anchorsOf(
                "{\"type\":\"assistant\",\"uuid\":\"use\",\"timestamp\":\"2026-02-10T13:00:00Z\",\"message\":{\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"Bash\"}]}}",
                "{\"type\":\"progress\",\"uuid\":\"hook\",\"timestamp\":\"2026-02-10T13:00:01Z\",\"parentToolUseID\":\"toolu_1\",\"data\":{\"type\":\"hook_progress\"}}",
                "{\"type\":\"user\",\"uuid\":\"result\",\"timestamp\":\"2026-02-10T13:00:02Z\",\"message\":{\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"is_error\":true,\"content\":\"The user doesn't want to proceed with this tool use.\"}]}}",
                "{\"type\":\"user\",\"uuid\":\"interrupt\",\"timestamp\":\"2026-02-10T13:00:02Z\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"[Request interrupted by user for tool use]\"}]}}",
                "{\"type\":\"user\",\"uuid\":\"prompt\",\"timestamp\":\"2026-02-10T13:00:09Z\",\"message\":{\"content\":\"try again\"}}");

        assertThat(List.of("use", "hook", "result", "interrupt", "prompt")).extracting(uuid -> anchors.place(uuid).orElseThrow().anchor())
                .containsExactly("call:toolu_1", "call:toolu_1", "call:toolu_1", "call:toolu_1", "line:prompt");
        assertThat(anchors.place("prompt").orElseThrow().line()).isEqualTo(5);
    }

    @Test
    void aCompactionSummaryBelongsToItsBoundary() throws IOException {
        LineAnchors anchors = anchorsOf(
                "{\"type\":\"system\",\"subtype\":\"compact_boundary\",\"uuid\":\"boundary\",\"parentUuid\":null,\"timestamp\":\"2026-02-10T13:00:00Z\"}",
                "{\"type\":\"user\",\"uuid\":\"summary\",\"parentUuid\":\"boundary\",\"isCompactSummary\":true,\"timestamp\":\"2026-02-10T13:00:00Z\",\"message\":{\"content\":\"This session is being continued\"}}");

        assertThat(anchors.place("summary").orElseThrow().anchor()).isEqualTo("line:boundary");
    }
}
