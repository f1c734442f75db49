package io.sessionfriction.collector.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SessionLayoutTest {

    private static final Path ROOT = Path.of("/data/user_sessions");

    private static SessionFile at(String relative) {
        return SessionLayout.describe(ROOT, ROOT.resolve(relative));
    }

    @Test
    void datedFileUnderAUserFolder() {
        assertThat(at("ana/2026-02-11_258c7280-ae70-4798-800f-63464d01a85d.jsonl")).isEqualTo(new SessionFile(
                ROOT.resolve("ana/2026-02-11_258c7280-ae70-4798-800f-63464d01a85d.jsonl"),
                "ana/2026-02-11_258c7280-ae70-4798-800f-63464d01a85d.jsonl", "ana",
                Optional.of("258c7280-ae70-4798-800f-63464d01a85d")));
    }

    @Test
    void flatFileDirectlyUnderTheRootNamesItsUser() {
        SessionFile file = at("bob.smith-2025-12-01-abc123.jsonl");

        assertThat(file.user()).isEqualTo("bob.smith");
        assertThat(file.keyFromName()).contains("abc123");
    }

    @Test
    void subagentFileBelongsToItsParentSession() {
        SessionFile file = at("ana/4d5611e5-241a-462a-8d15-5122611a9569/subagents/agent-a2898e3.jsonl");

        assertThat(file.user()).isEqualTo("ana");
        assertThat(file.keyFromName()).contains("4d5611e5-241a-462a-8d15-5122611a9569");
        assertThat(file.relativePath()).isEqualTo("ana/4d5611e5-241a-462a-8d15-5122611a9569/subagents/agent-a2898e3.jsonl");
    }

    @Test
    void bareIdFileNamesItsSession() {
        assertThat(at("ana/ae4a77f8-aedd-4bc1-888f-c94edc91af04.jsonl").keyFromName())
                .contains("ae4a77f8-aedd-4bc1-888f-c94edc91af04");
    }

    @Test
    void aNameWithoutAnIdLeavesTheKeyToTheContent() {
        assertThat(at("ana/tool_heavy.jsonl").keyFromName()).isEmpty();
        assertThat(at("ana/tool_heavy.jsonl").user()).isEqualTo("ana");
    }

    @Test
    void aLooseFileUnderTheRootHasAnUnknownUser() {
        assertThat(at("notes.jsonl").user()).isEqualTo(SessionLayout.UNKNOWN_USER);
    }
}
