package io.sessionfriction.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
    /** The repository's samples folder: this module's own (surefire runs in the module dir). */
    private static final Path SHIPPED = Path.of("").toAbsolutePath();

    @TempDir
    Path root;

    @Test
    void theSameSeedAndBaseTimeWriteByteIdenticalSamples() throws IOException {
        new SampleGenerator(42, Instant.parse("2026-01-05T09:30:00Z")).writeSamples(root.resolve("a"));
        new SampleGenerator(42, Instant.parse("2026-01-05T09:30:00Z")).writeSamples(root.resolve("b"));

        assertThat(contents(root.resolve("a"))).isEqualTo(contents(root.resolve("b")));
    }

    @Test
    void anotherSeedChangesTheIdsButNotTheScript() throws IOException {
        new SampleGenerator(42, SampleGenerator.DEFAULT_BASE_TIME).writeSamples(root.resolve("a"));
        new SampleGenerator(43, SampleGenerator.DEFAULT_BASE_TIME).writeSamples(root.resolve("b"));

        Map<String, String> a = contents(root.resolve("a"));
        Map<String, String> b = contents(root.resolve("b"));
        assertThat(a.keySet()).isNotEqualTo(b.keySet()).hasSameSizeAs(b.keySet());
        assertThat(a.values().stream().mapToLong(text -> text.lines().count()).sum())
                .isEqualTo(b.values().stream().mapToLong(text -> text.lines().count()).sum());
    }

    @Test
    void theShippedSamplesAreExactlyWhatTheGeneratorWritesWithItsDefaults() throws IOException {
        new SampleGenerator(SampleGenerator.DEFAULT_SEED, SampleGenerator.DEFAULT_BASE_TIME).writeSamples(root);

        assertThat(contents(SHIPPED.resolve("sessions"))).isEqualTo(contents(root));
    }

    @Test
    void theReadmeListsEveryMalformedLineWithItsLineNumber() throws IOException {
        List<CuratedSamples.Defect> defects =
                new CuratedSamples(SampleGenerator.DEFAULT_SEED, SampleGenerator.DEFAULT_BASE_TIME).write(root);
        String readme = Files.readString(SHIPPED.resolve("README.md"));

        assertThat(defects).allSatisfy(defect ->
                assertThat(readme).contains("| `" + defect.file() + "` | " + defect.line() + " | " + defect.kind() + " |"));
    }

    /** Every file under the root, by relative path, with its exact content. */
    static Map<String, String> contents(Path root) {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(StrictTranscriptReader.relative(root, file), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents;
    }
}
