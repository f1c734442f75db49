package io.sessionfriction.replay.catalogue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sessionfriction.collector.discover.SessionDiscovery;
import io.sessionfriction.collector.discover.SessionFile;

/** Every session under a sessions root with its own time span, discovered as the collector discovers files. */
public final class SessionCatalogue {

    private static final Logger log = LoggerFactory.getLogger(SessionCatalogue.class);

    private final List<SessionSpan> sessions;

    private SessionCatalogue(List<SessionSpan> sessions) {
        this.sessions = List.copyOf(sessions);
    }

    /** Scans every transcript under {@code root}: the files on every core, their results in path order. */
    public static SessionCatalogue scan(Path root) {
        TranscriptScanner scanner = new TranscriptScanner();
        List<SessionFile> files = new ArrayList<>(new SessionDiscovery(root).scan().files());
        files.sort(Comparator.comparing(SessionFile::relativePath));
        List<Scanned> scanned = files.parallelStream().map(file -> Scanned.of(scanner, file)).toList();
        Map<String, List<FileSpan>> byKey = new TreeMap<>();
        for (Scanned result : scanned) {
            String file = result.file().relativePath();
            if (result.error() != null) {
                log.warn("{}: cannot be read, left out of the replay: {}", file, result.error().getMessage());
                continue;
            }
            if (result.span().malformed() > 0) {
                log.warn("{}: {} malformed line(s); the replay sends them to session-events-dlq", file, result.span().malformed());
            }
            byKey.computeIfAbsent(result.span().sessionKey(), k -> new ArrayList<>()).add(result.span());
        }
        List<SessionSpan> sessions = new ArrayList<>();
        byKey.forEach((key, spans) -> sessions.add(SessionSpan.of(key, spans)));
        return new SessionCatalogue(sessions);
    }

    /** One file's span, or why it could not be read. */
    private record Scanned(SessionFile file, FileSpan span, IOException error) {

        static Scanned of(TranscriptScanner scanner, SessionFile file) {
            try {
                return new Scanned(file, scanner.scan(file), null);
            } catch (IOException e) {
                return new Scanned(file, null, e);
            }
        }
    }

    /** Ordered by session key. */
    public List<SessionSpan> sessions() {
        return sessions;
    }

    public List<SessionSpan> select(SessionSelection selection) {
        return sessions.stream().filter(selection::selects).toList();
    }
}
