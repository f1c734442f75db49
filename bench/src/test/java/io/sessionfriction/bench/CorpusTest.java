package io.sessionfriction.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    @TempDir
    Path root;

    @Test
    void countsEveryNonBlankLineIncludingALastLineWithoutNewline() throws IOException {
        write("alice/2026-02-09_s1.jsonl", "{\"a\":1}\n\n  \n{\"a\":2}\r\n{\"a\":3}");
        write("alice/s1/subagents/agent-a1.jsonl", "{\"b\":1}\n");

        Corpus corpus = Corpus.scan(root);

        assertThat(corpus.lines()).isEqualTo(4);
        assertThat(corpus.bytes()).isEqualTo(28 + 8);
        assertThat(corpus.files()).extracting(Corpus.File::sessionKey).containsExactlyInAnyOrder("s1", "s1");
    }

    @Test
    void anEmptyFileHoldsNoLine() throws IOException {
        Path empty = write("bob/2026-02-09_s2.jsonl", "");

        assertThat(Corpus.countLines(empty)).isZero();
    }

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
