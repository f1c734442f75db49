package io.sessionfriction.collector.tail;

import static io.sessionfriction.collector.RawTranscriptLines.T0;
import static io.sessionfriction.collector.RawTranscriptLines.userPrompt;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import io.sessionfriction.collector.checkpoint.Checkpoint;
import io.sessionfriction.collector.discover.SessionFile;
import io.sessionfriction.collector.discover.SessionLayout;

/**
 * Model-based: random sequences of what the copy job and the collector do to one transcript, checked
 * against the simplest model, "the lines written, in order". Whatever the sequence, what was published
 * is always a prefix of the lines written, and after the writer finishes and the tail catches up it is
 * exactly the lines written: no loss, no duplicate, across partial writes, late newlines, rename-replace,
 * commits and aborts (an abort throws the tail away and resumes from the last committed checkpoint).
 */
class FileTailModelTest {

    private static final Duration QUIET = Duration.ofSeconds(1);

    enum Step {
        APPEND_LINES, START_PARTIAL_LINE, COMPLETE_PARTIAL_LINE, END_LINE, END_LINE_CRLF, REPLACE_BY_RENAME,
        READ, READ_WHEN_QUIET, COMMIT, ABORT
    }

    @Property(tries = 300)
    void publishedIsAlwaysAPrefixOfWrittenAndEndsEqualToIt(@ForAll @Size(max = 40) List<Step> steps)
            throws IOException {
        Path root = Files.createTempDirectory("tail-model-");
        try {
            Model model = new Model(root);
            for (Step step : steps) {
                model.apply(step);
                assertThat(model.published).hasSizeLessThanOrEqualTo(model.written.size());
                assertThat(model.published).isEqualTo(model.written.subList(0, model.published.size()));
            }
            model.finishWriting();
            model.readAll(true);
            assertThat(model.published).isEqualTo(model.written);
        } finally {
            try (var files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final class Model {
        private final Path path;
        private final SessionFile file;
        private final List<String> written = new ArrayList<>();
        private List<String> published = new ArrayList<>();
        private List<String> committedPublished = new ArrayList<>();
        private Checkpoint committed;
        private FileTail tail;
        private Instant now = T0;
        private String pendingRest;
        private boolean unterminated;
        private int counter;

        Model(Path root) throws IOException {
            Files.createDirectories(root.resolve("ana"));
            path = root.resolve("ana/2026-02-11_0123456789abcdef0123.jsonl");
            Files.createFile(path);
            file = SessionLayout.describe(root, path);
            committed = Checkpoint.start(file.relativePath(), file.user());
            tail = new FileTail(file, committed, FileOpener.DEFAULT);
        }

        void apply(Step step) throws IOException {
            switch (step) {
                case APPEND_LINES -> {
                    if (!unterminated) {
                        append(nextLine() + "\n" + nextLine() + "\n");
                    }
                }
                case START_PARTIAL_LINE -> {
                    if (!unterminated) {
                        String line = nextLine();
                        append(line.substring(0, line.length() / 2));
                        pendingRest = line.substring(line.length() / 2);
                        unterminated = true;
                    }
                }
                case COMPLETE_PARTIAL_LINE -> completePartial();
                case END_LINE -> endLine("\n");
                case END_LINE_CRLF -> endLine("\r\n");
                case REPLACE_BY_RENAME -> {
                    Path copy = path.resolveSibling(".copy");
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(copy, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                case READ -> {
                    now = now.plusMillis(10);
                    readAll(false);
                }
                case READ_WHEN_QUIET -> {
                    now = now.plus(QUIET).plusMillis(1);
                    readAll(false);
                }
                case COMMIT -> {
                    committed = tail.position();
                    committedPublished = new ArrayList<>(published);
                }
                case ABORT -> {
                    tail = new FileTail(file, committed, FileOpener.DEFAULT);
                    published = new ArrayList<>(committedPublished);
                }
            }
        }

        void finishWriting() throws IOException {
            endLine("\n");
        }

        void readAll(boolean finalPass) throws IOException {
            TailRead read;
            do {
                read = tail.read(now, QUIET, finalPass);
                assertThat(read.reset()).isEmpty();
                for (TailItem item : read.items()) {
                    published.add(new String(((TailItem.Event) item).json(), UTF_8));
                }
            } while (read.more());
        }

        private void completePartial() throws IOException {
            if (pendingRest != null) {
                append(pendingRest);
                pendingRest = null;
            }
        }

        private void endLine(String newline) throws IOException {
            if (unterminated) {
                completePartial();
                append(newline);
                unterminated = false;
            }
        }

        private String nextLine() {
            counter++;
            String line = userPrompt("s-1", "u-" + counter, T0.plusSeconds(counter), "prompt " + counter);
            written.add(line);
            return line;
        }

        private void append(String text) throws IOException {
            Files.writeString(path, text, UTF_8, StandardOpenOption.APPEND);
        }
    }
}
