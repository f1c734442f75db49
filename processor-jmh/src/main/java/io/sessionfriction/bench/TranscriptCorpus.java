package io.sessionfriction.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The transcripts a benchmark reads: every {@code *.jsonl} below a folder, in path order, each file's non-blank lines. */
final class TranscriptCorpus {

    private TranscriptCorpus() {
    }

    static List<List<String>> files(String corpus) throws IOException {
        try (Stream<Path> found = Files.walk(Path.of(corpus))) {
            List<Path> paths = found.filter(path -> path.toString().endsWith(".jsonl")).sorted().toList();
            List<List<String>> files = new ArrayList<>();
            for (Path file : paths) {
                files.add(Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList());
            }
            if (files.stream().allMatch(List::isEmpty)) {
                throw new IllegalArgumentException("no transcript lines under " + Path.of(corpus).toAbsolutePath());
            }
            return files;
        }
    }

    static List<String> lines(String corpus) throws IOException {
        return files(corpus).stream().flatMap(List::stream).toList();
    }
}
