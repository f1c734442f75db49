package io.sessionfriction.collector.tail;

import static io.sessionfriction.collector.RawTranscriptLines.T0;
import static io.sessionfriction.collector.RawTranscriptLines.summary;
import static io.sessionfriction.collector.RawTranscriptLines.userPrompt;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.collector.checkpoint.Checkpoint;
import io.sessionfriction.collector.discover.SessionFile;
import io.sessionfriction.collector.discover.SessionLayout;

class FileTailTest {

    private static final String SESSION = "258c7280-ae70-4798-800f-63464d01a85d";
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final String LINE_1 = userPrompt(SESSION, "u-1", T0, "run the tests");
    private static final String LINE_2 = userPrompt(SESSION, "u-2", T0.plusSeconds(5), "and again");
    private static final String LINE_3 = userPrompt(SESSION, "u-3", T0.plusSeconds(9), "thanks");

    @TempDir
    Path root;
    private Path path;
    private SessionFile file;

    @BeforeEach
    void aTranscript() throws IOException {
        Files.createDirectories(root.resolve("ana"));
        path = root.resolve("ana/2026-02-11_" + SESSION + ".jsonl");
        file = SessionLayout.describe(root, path);
    }

    private FileTail tailFrom(Checkpoint checkpoint) {
        return new FileTail(file, checkpoint, FileOpener.DEFAULT);
    }

    private FileTail newTail() {
        return tailFrom(Checkpoint.start(file.relativePath(), file.user()));
    }

    private void write(String content) throws IOException {
        Files.writeString(path, content, UTF_8);
    }

    private void append(String content) throws IOException {
        Files.writeString(path, content, UTF_8, StandardOpenOption.APPEND);
    }

    /** The copy job's way: a new file with the same prefix, renamed over the old one (a new inode). */
    private void replaceByRename(String content) throws IOException {
        Path temp = path.resolveSibling(".tmp-copy");
        Files.writeString(temp, content, UTF_8);
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> events(TailRead read) {
        return read.items().stream().map(i -> new String(((TailItem.Event) i).json(), UTF_8)).toList();
    }

    private static List<Long> lineNumbers(TailRead read) {
        return read.items().stream().map(TailItem::line).toList();
    }

    @Test
    void completeLinesAreEventsWithLineNumbersAndOffsets() throws IOException {
        write(LINE_1 + "\r\n" + LINE_2 + "\n");

        TailRead read = newTail().read(T0, QUIET, false);

        assertThat(events(read)).containsExactly(LINE_1, LINE_2);
        assertThat(read.items()).extracting(TailItem::line, TailItem::offset)
                .containsExactly(tuple(1L, 0L),
                        tuple(2L, (long) LINE_1.length() + 2));
        assertThat(read.lagBytes()).isZero();
    }

    @Test
    void anUnterminatedCompleteLineIsHeldUntilTheFileIsQuietThenPublishedOnce() throws IOException {
        write(LINE_1 + "\n" + LINE_2);
        FileTail tail = newTail();

        assertThat(events(tail.read(T0, QUIET, false))).containsExactly(LINE_1);
        assertThat(tail.read(T0.plus(QUIET).minusMillis(1), QUIET, false).items()).isEmpty();
        TailRead quiet = tail.read(T0.plus(QUIET), QUIET, false);
        assertThat(events(quiet)).containsExactly(LINE_2);
        assertThat(tail.position().midLine()).isTrue();

        append("\n" + LINE_3 + "\n");
        TailRead after = tail.read(T0.plusSeconds(10), QUIET, false);

        assertThat(events(after)).containsExactly(LINE_3);
        assertThat(lineNumbers(after)).containsExactly(3L);
        assertThat(tail.position().line()).isEqualTo(3);
        assertThat(tail.position().midLine()).isFalse();
    }

    @Test
    void theNewlineOfAPublishedLineArrivingAfterARestartIsNoSecondEvent() throws IOException {
        write(LINE_1);
        FileTail first = newTail();
        assertThat(events(first.read(T0, QUIET, true))).containsExactly(LINE_1);

        append("\n" + LINE_2 + "\n");
        TailRead resumed = tailFrom(first.position()).read(T0.plusSeconds(60), QUIET, false);

        assertThat(events(resumed)).containsExactly(LINE_2);
        assertThat(lineNumbers(resumed)).containsExactly(2L);
    }

    @Test
    void aPartialWriteIsHeldEvenWhenQuietAndOnAFinalPass() throws IOException {
        write(LINE_1 + "\n" + LINE_2.substring(0, 40));
        FileTail tail = newTail();

        assertThat(events(tail.read(T0, QUIET, true))).containsExactly(LINE_1);
        TailRead later = tail.read(T0.plusSeconds(60), QUIET, true);

        assertThat(later.items()).isEmpty();
        assertThat(later.lagBytes()).isEqualTo(40);
        append(LINE_2.substring(40) + "\n");
        assertThat(events(tail.read(T0.plusSeconds(61), QUIET, false))).containsExactly(LINE_2);
    }

    @Test
    void whatFollowsAPublishedUnterminatedObjectOnTheSameLineIsItsOwnEvent() throws IOException {
        String title = summary("Fix the tests");
        write(LINE_1);
        FileTail tail = newTail();
        tail.read(T0, QUIET, true);

        append(title + "\n");
        TailRead read = tail.read(T0.plusSeconds(1), QUIET, false);

        assertThat(events(read)).containsExactly(title);
        assertThat(read.items()).extracting(TailItem::line, TailItem::offset)
                .containsExactly(tuple(1L, (long) LINE_1.length()));
    }

    @Test
    void aFileReplacedByRenameWithTheSamePrefixResumesAtTheCheckpoint() throws IOException {
        write(LINE_1 + "\n" + LINE_2 + "\n");
        FileTail tail = newTail();
        tail.read(T0, QUIET, false);

        replaceByRename(LINE_1 + "\n" + LINE_2 + "\n" + LINE_3 + "\n");
        TailRead sameProcess = tail.read(T0.plusSeconds(1), QUIET, false);

        assertThat(sameProcess.reset()).isEmpty();
        assertThat(events(sameProcess)).containsExactly(LINE_3);
        assertThat(lineNumbers(sameProcess)).containsExactly(3L);
    }

    @Test
    void aRewrittenPrefixIsReadAgainFromTheStartWithAReason() throws IOException {
        write(LINE_1 + "\n" + LINE_2 + "\n");
        FileTail tail = newTail();
        tail.read(T0, QUIET, false);
        Checkpoint committed = tail.position();

        String other = userPrompt(SESSION, "u-9", T0, "a different history");
        replaceByRename(other + "\n" + LINE_2 + "\n" + LINE_3 + "\n");
        TailRead read = tailFrom(committed).read(T0.plusSeconds(1), QUIET, false);

        assertThat(read.reset()).hasValueSatisfying(r -> assertThat(r).startsWith("rewritten"));
        assertThat(events(read)).containsExactly(other, LINE_2, LINE_3);
        assertThat(lineNumbers(read)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aTruncatedFileIsReadAgainFromTheStart() throws IOException {
        write(LINE_1 + "\n" + LINE_2 + "\n");
        FileTail tail = newTail();
        tail.read(T0, QUIET, false);

        write(LINE_3 + "\n");
        TailRead read = tail.read(T0.plusSeconds(1), QUIET, false);

        assertThat(read.reset()).hasValueSatisfying(r -> assertThat(r).startsWith("truncated"));
        assertThat(events(read)).containsExactly(LINE_3);
    }

    @Test
    void anotherToolsPrettyPrintedJsonIsRejectedOnceAndSkipped() throws IOException {
        write("{\n  \"agent\": \"other\",\n  \"steps\": []\n}\n");
        FileTail tail = newTail();

        TailRead read = tail.read(T0, QUIET, false);
        append("{\"more\": 1}\n");
        TailRead again = tail.read(T0.plusSeconds(1), QUIET, false);

        assertThat(read.items()).singleElement().isInstanceOfSatisfying(TailItem.Rejected.class, r -> {
            assertThat(r.notATranscript()).isTrue();
            assertThat(r.error()).isEqualTo("pretty-printed JSON: one JSON value spans lines 1 to 4");
            assertThat(new String(r.raw(), UTF_8)).isEqualTo("{");
        });
        assertThat(tail.position().skipped()).isTrue();
        assertThat(again.items()).isEmpty();
    }

    @Test
    void aTranscriptWhoseFirstLineIsCutOffRejectsThatLineAndReadsTheRest() throws IOException {
        String cutOff = "{\"parentUuid\":null,\"type\":\"user\",\"mess";
        write(cutOff + "\n" + LINE_1 + "\n" + LINE_2 + "\n");
        FileTail tail = newTail();

        TailRead read = tail.read(T0, QUIET, false);

        assertThat(read.items()).extracting(TailItem::line).containsExactly(1L, 2L, 3L);
        assertThat(read.items().get(0)).isInstanceOfSatisfying(TailItem.Rejected.class, r -> {
            assertThat(r.notATranscript()).isFalse();
            assertThat(new String(r.raw(), UTF_8)).isEqualTo(cutOff);
        });
        assertThat(read.items().subList(1, 3)).extracting(i -> new String(((TailItem.Event) i).json(), UTF_8))
                .containsExactly(LINE_1, LINE_2);
        assertThat(tail.position().skipped()).isFalse();
    }

    @Test
    void aTranscriptWhoseFirstLineIsNotJsonRejectsThatLineAndReadsTheRest() throws IOException {
        write("\u0000\u0000\u0000 garbage from a crashed copy\n" + LINE_1 + "\n");
        FileTail tail = newTail();

        TailRead read = tail.read(T0, QUIET, false);
        append(LINE_2 + "\n");
        TailRead more = tail.read(T0.plusSeconds(1), QUIET, false);

        assertThat(read.items()).hasSize(2).first().isInstanceOfSatisfying(TailItem.Rejected.class,
                r -> assertThat(r.notATranscript()).isFalse());
        assertThat(read.items().get(1)).isInstanceOf(TailItem.Event.class);
        assertThat(events(more)).containsExactly(LINE_2);
    }

    @Test
    void aFileWithNoJsonObjectInItsFirstLinesIsNotATranscript() throws IOException {
        write("[\"ts\", \"level\", \"message\"]\n[1770840000, \"info\", \"started\"]\n[1770840001, \"info\", \"done\"]\n");
        FileTail tail = newTail();

        TailRead read = tail.read(T0, QUIET, false);

        assertThat(read.items()).singleElement().isInstanceOfSatisfying(TailItem.Rejected.class, r -> {
            assertThat(r.notATranscript()).isTrue();
            assertThat(r.error()).contains("no JSON object in its first 3 lines");
        });
        assertThat(tail.position().skipped()).isTrue();
    }

    @Test
    void aLongPrettyPrintedDocumentIsNotATranscriptEvenWhenTheReadStopsInsideIt() throws IOException {
        StringBuilder doc = new StringBuilder("[\n");
        for (int i = 0; i < 200_000; i++) {
            doc.append("  {\"step\": ").append(i).append(", \"tool\": \"other\"},\n");
        }
        write(doc.append("  {}\n]\n").toString());
        FileTail tail = newTail();

        TailRead read = tail.read(T0, QUIET, false);

        assertThat(read.items()).singleElement().isInstanceOfSatisfying(TailItem.Rejected.class, r -> {
            assertThat(r.notATranscript()).isTrue();
            assertThat(r.error()).startsWith("pretty-printed JSON");
        });
    }

    @Test
    void aMalformedLineInATranscriptIsRejectedAndReadingGoesOn() throws IOException {
        write(LINE_1 + "\n{\"type\":\"user\",\"mess\n" + LINE_2 + "\n");

        TailRead read = newTail().read(T0, QUIET, false);

        assertThat(read.items()).hasSize(3);
        assertThat(read.items().get(1)).isInstanceOfSatisfying(TailItem.Rejected.class, r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.offset()).isEqualTo(LINE_1.length() + 1);
            assertThat(r.notATranscript()).isFalse();
        });
    }

    @Test
    void aNameWithoutAnIdTakesTheFirstSessionIdInTheFile() throws IOException {
        path = root.resolve("ana/tool_heavy.jsonl");
        file = SessionLayout.describe(root, path);
        write(summary("A title") + "\n" + LINE_1 + "\n");
        FileTail tail = newTail();

        tail.read(T0, QUIET, false);

        assertThat(tail.position().sessionKey()).isEqualTo(SESSION);
    }

    @Test
    void aLineLongerThanAChunkIsReadWhole() throws IOException {
        String big = userPrompt(SESSION, "u-big", T0, "y".repeat(FileTail.CHUNK + 1000));
        write(LINE_1 + "\n" + big + "\n" + LINE_2 + "\n");
        FileTail tail = newTail();

        TailRead first = tail.read(T0, QUIET, false);
        List<String> all = new java.util.ArrayList<>(events(first));
        TailRead read = first;
        while (read.more()) {
            read = tail.read(T0, QUIET, false);
            all.addAll(events(read));
        }

        assertThat(all).containsExactly(LINE_1, big, LINE_2);
    }

    @Test
    void aSameLengthEditInsideTheReadPrefixIsARewrite() throws IOException {
        write(LINE_1 + "\n");
        FileTail tail = newTail();
        tail.read(T0, QUIET, false);

        write(LINE_1.replace("run", "ran") + "\n" + LINE_2 + "\n");

        assertThat(tailFrom(tail.position()).read(T0.plusSeconds(1), QUIET, false).reset()).isPresent();
    }
}
