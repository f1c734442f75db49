package io.sessionfriction.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.sessionfriction.testsupport.SharedData;

/**
 * The team's real transcripts ({@link SharedData#realSessions()}): a test that reads them is skipped,
 * naming the folder, where they are absent. Such tests carry {@code @Tag(SharedData.TAG)}.
 */
public final class RealSessions {

    private RealSessions() {
    }

    /** Every transcript file, main and subagent, in a stable order. */
    public static List<Path> files() {
        try (Stream<Path> paths = Files.walk(SharedData.realSessions())) {
            return paths.filter(path -> path.toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The session key the collector gives a file: its name, or the parent session's for a subagent file. */
    public static String sessionKey(Path file) {
        Path parent = file.getParent();
        if (parent.getFileName().toString().equals("subagents")) {
            return parent.getParent().getFileName().toString();
        }
        return file.getFileName().toString().replaceFirst("\\.jsonl$", "");
    }

    /** The user folder a file is in (the repository it came from stands in for a user). */
    public static String user(Path file) {
        return SharedData.realSessions().relativize(file).getName(0).toString();
    }

    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
