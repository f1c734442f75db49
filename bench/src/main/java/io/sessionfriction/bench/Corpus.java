package io.sessionfriction.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sessionfriction.collector.discover.SessionDiscovery;
import io.sessionfriction.collector.discover.SessionFile;

/**
 * The transcripts both contenders publish, as the collector's own discovery lists them, with the
 * figures every run is measured against.
 *
 * @param root  the sessions root
 * @param files each transcript with the session key the collector gives its records
 * @param bytes total file bytes
 * @param lines non-blank lines, counting a last line without a newline (the collector publishes it too)
 */
public record Corpus(Path root, List<File> files, long bytes, long lines) {

    /** One transcript file and its session key. */
    public record File(Path path, String sessionKey, long bytes) {
    }

    public Corpus {
        files = List.copyOf(files);
    }

    public static Corpus scan(Path root) throws IOException {
        List<File> files = new ArrayList<>();
        long bytes = 0;
        long lines = 0;
        for (SessionFile found : new SessionDiscovery(root).scan().files()) {
            long size = Files.size(found.path());
            files.add(new File(found.path(), found.keyFromName().orElse(found.relativePath()), size));
            bytes += size;
            lines += countLines(found.path());
        }
        return new Corpus(root, files, bytes, lines);
    }

    /** Lines holding something other than whitespace: blank lines are neither events nor kcat messages. */
    static long countLines(Path file) throws IOException {
        long lines = 0;
        boolean content = false;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        lines += content ? 1 : 0;
                        content = false;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        content = true;
                    }
                }
            }
        }
        return lines + (content ? 1 : 0);
    }
}
