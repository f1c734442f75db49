package io.sessionfriction.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class SyntheticCorpusTest {
    private static final long TWO_MB = 2L * 1024 * 1024;
    private static final Instant BASE = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    Path root;

    @Test
    void stopsAfterTheSessionThatCrossesTheTargetAndReportsTheBytesOnDisk() throws IOException {
        List<Long> reported = new ArrayList<>();

        new SampleGenerator(7, BASE).writeCorpus(root, TWO_MB, 3, reported::add);

        assertThat(reported).isSorted();
        assertThat(reported.get(reported.size() - 1)).isGreaterThanOrEqualTo(TWO_MB).isEqualTo(bytesOnDisk(root));
        if (reported.size() > 1) {
            assertThat(reported.get(reported.size() - 2)).isLessThan(TWO_MB);
        }
    }

    @Test
    void everyLineIsWellFormedAndEveryProgressBelongsToABashCall() throws IOException {
        new SampleGenerator(11, BASE).writeCorpus(root, TWO_MB, 3, bytes -> { });

        List<Path> files = StrictTranscriptReader.jsonlFiles(root);
        assertThat(files).isNotEmpty().allSatisfy(file ->
                assertThat(StrictTranscriptReader.relative(root, file)).matches("user-00[0-2]/.+\\.jsonl"));
        for (Path file : files) {
            List<StrictTranscriptReader.Line> lines = StrictTranscriptReader.lines(file);
            assertThat(lines).as(file.toString()).allMatch(StrictTranscriptReader.Line::parsed);
            List<JsonNode> objects = lines.stream().map(StrictTranscriptReader.Line::json).toList();
            assertThat(StrictTranscriptReader.bashProgressProblems(objects)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theSameSeedWritesTheSameCorpus() throws IOException {
        new SampleGenerator(5, BASE).writeCorpus(root.resolve("a"), 512 * 1024, 2, bytes -> { });
        new SampleGenerator(5, BASE).writeCorpus(root.resolve("b"), 512 * 1024, 2, bytes -> { });

        assertThat(SampleGeneratorTest.contents(root.resolve("a"))).isEqualTo(SampleGeneratorTest.contents(root.resolve("b")));
    }

    private static long bytesOnDisk(Path root) throws IOException {
        long total = 0;
        for (Path file : StrictTranscriptReader.jsonlFiles(root)) {
            total += Files.size(file);
        }
        return total;
    }
}
