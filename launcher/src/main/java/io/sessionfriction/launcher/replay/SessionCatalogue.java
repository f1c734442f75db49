package io.sessionfriction.launcher.replay;

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

    /** Scans every transcript under {@code root}, in path order. */
    public static SessionCatalogue scan(Path root) {
        TranscriptScanner scanner = new TranscriptScanner();
        Map<String, List<FileSpan>> byKey = new TreeMap<>();
        List<SessionFile> files = new ArrayList<>(new SessionDiscovery(root).scan().files());
        files.sort(Comparator.comparing(SessionFile::relativePath));
        for (SessionFile file : files) {
            try {
                FileSpan span = scanner.scan(file);
                if (span.malformed() > 0) {
                    log.warn("{}: {} malformed line(s); the replay sends them to session-events-dlq",
                            file.relativePath(), span.malformed());
                }
                byKey.computeIfAbsent(span.sessionKey(), k -> new ArrayList<>()).add(span);
            } catch (IOException e) {
                log.warn("{}: cannot be read, left out of the replay: {}", file.relativePath(), e.getMessage());
            }
        }
        List<SessionSpan> sessions = new ArrayList<>();
        byKey.forEach((key, spans) -> sessions.add(SessionSpan.of(key, spans)));
        return new SessionCatalogue(sessions);
    }

    /** Ordered by session key. */
    public List<SessionSpan> sessions() {
        return sessions;
    }

    public List<SessionSpan> select(SessionSelection selection) {
        return sessions.stream().filter(selection::selects).toList();
    }
}
