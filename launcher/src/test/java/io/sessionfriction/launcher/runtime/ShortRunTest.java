package io.sessionfriction.launcher.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay or run is guessed short from the bytes of the session files under its folder, before its JVM starts. */
class ShortRunTest {

    @TempDir
    Path root;

    @Test
    void aReplayOrRunOverAFewSessionFilesIsShort() throws IOException {
        write("alice/2026-02-01_a.jsonl", 4_000);
        write("alice/2026-02-01_a/subagents/agent-1.jsonl", 2_000);
        write("notes.txt", 50_000);

        assertThat(ShortRun.sessionBytes(root)).isEqualTo(6_000);
        assertThat(guess("replay", "--sessions", root.toString())).isTrue();
        assertThat(guess("--config", "c.properties", "run")).isTrue();
    }

    @Test
    void aSessionsFolderOfMoreThanItsBoundIsNot() throws IOException {
        write("alice/2026-02-01_a.jsonl", ShortRun.MOST_BYTES - 1_000);
        assertThat(guess("replay")).isTrue();

        write("bob/2026-02-02_b.jsonl", 1_001);

        assertThat(guess("replay")).isFalse();
    }

    @Test
    void noSessionsNoFolderHelpAndOtherCommandsAreNot() throws IOException {
        assertThat(guess("replay")).as("an empty folder").isFalse();
        assertThat(ShortRun.guess(new String[] {"replay"}, () -> Optional.of(root.resolve("missing")))).isFalse();
        assertThat(ShortRun.guess(new String[] {"replay"}, Optional::empty)).isFalse();

        write("alice/2026-02-01_a.jsonl", 4_000);

        for (String[] args : new String[][] {{"replay", "--help"}, {"run", "-h"}, {"replay", "--version"},
                {"bench-processor"}, {"process"}, {"collect"}}) {
            assertThat(guess(args)).as(String.join(" ", args)).isFalse();
        }
    }

    private boolean guess(String... args) {
        return ShortRun.guess(args, () -> Optional.of(root));
    }

    /** A sparse file: only its size is read. */
    private void write(String name, long bytes) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(bytes);
        }
    }
}
