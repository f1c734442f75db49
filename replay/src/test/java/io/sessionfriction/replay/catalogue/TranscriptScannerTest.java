package io.sessionfriction.replay.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.collector.discover.SessionLayout;

/** The scanner reads the span of a transcript's own timestamps the way real files are written. */
class TranscriptScannerTest {

    @TempDir
    Path root;

    @Test
    void readsTopLevelTimestampsOnlyAcrossDisorderTwoObjectsOnALineAndNoTrailingNewline() throws IOException {
        String lines = String.join("\n",
                "{\"type\":\"progress\",\"timestamp\":\"2026-02-11T20:38:55.000Z\",\"data\":{\"timestamp\":\"2030-01-01T00:00:00Z\"}}",
                "{\"type\":\"file-history-snapshot\",\"snapshot\":{\"timestamp\":\"2019-01-01T00:00:00Z\"}}",
                "{\"type\":\"user\",\"timestamp\":\"2026-02-11T20:38:53.748Z\"}{\"type\":\"summary\",\"summary\":\"t\"}",
                "{\"type\":\"assistant\",\"timestamp\":\"2026-02-11T21:00:00.000Z\",\"message\":{\"content\":[{\"x\":[1,{\"y\":2}]}]}}");
        Path file = root.resolve("bob/2026-02-11_0123456789abcdef0123.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines, StandardCharsets.UTF_8);

        FileSpan span = new TranscriptScanner().scan(SessionLayout.describe(root, file));

        assertThat(span.sessionKey()).isEqualTo("0123456789abcdef0123");
        assertThat(span.first()).isEqualTo(Instant.parse("2026-02-11T20:38:53.748Z"));
        assertThat(span.last()).isEqualTo(Instant.parse("2026-02-11T21:00:00Z"));
        assertThat(span.lines()).isEqualTo(4);
        assertThat(span.events()).isEqualTo(5);
        assertThat(span.malformed()).isZero();
        assertThat(span.bytes()).isEqualTo(Files.size(file));
    }

    @Test
    void aLineLongerThanTheReadBufferIsReadWhole() throws IOException {
        String big = "x".repeat(300_000);
        Path file = root.resolve("alice/2026-02-11_0123456789abcdef0123.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"type\":\"user\",\"text\":\"" + big + "\",\"timestamp\":\"2026-02-11T10:00:00Z\"}\n");

        FileSpan span = new TranscriptScanner().scan(SessionLayout.describe(root, file));

        assertThat(span.first()).isEqualTo(Instant.parse("2026-02-11T10:00:00Z"));
        assertThat(span.malformed()).isZero();
    }
}
