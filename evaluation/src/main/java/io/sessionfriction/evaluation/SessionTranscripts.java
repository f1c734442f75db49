package io.sessionfriction.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.sessionfriction.collector.discover.SessionFile;
import io.sessionfriction.collector.discover.SessionLayout;
import io.sessionfriction.collector.identity.SessionKeys;

/**
 * The transcripts under a sessions root, grouped by session as the collector keys them (its own layout
 * and key rules): a main file and its subagents' files share a session, and so the topology's state.
 *
 * @param files the main file first, then the others by path
 */
record SessionTranscripts(String sessionKey, String user, List<Transcript> files) {

    static List<SessionTranscripts> under(Path root) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile).filter(SessionLayout::isTranscriptName).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        Map<String, List<SessionFile>> byKey = new TreeMap<>();
        for (Path path : paths) {
            SessionFile file = SessionLayout.describe(root, path);
            byKey.computeIfAbsent(key(file), k -> new ArrayList<>()).add(file);
        }
        List<SessionTranscripts> sessions = new ArrayList<>();
        byKey.forEach((key, files) -> {
            files.sort(Comparator.comparing((SessionFile f) -> f.relativePath().contains("/subagents/"))
                    .thenComparing(SessionFile::relativePath));
            List<Transcript> read = files.stream().map(f -> Transcript.read(f.path(), f.relativePath(), f.user())).toList();
            sessions.add(new SessionTranscripts(key, files.get(0).user(), read));
        });
        return List.copyOf(sessions);
    }

    private static String key(SessionFile file) {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            return SessionKeys.resolve(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }
}
