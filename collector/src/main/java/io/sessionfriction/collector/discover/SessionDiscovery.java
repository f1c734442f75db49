package io.sessionfriction.collector.discover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Walks the sessions root and lists every transcript file with the folders that hold them. */
public final class SessionDiscovery {

    private final Path root;

    public SessionDiscovery(Path root) {
        this.root = root;
    }

    /** Everything under the root now; a folder that cannot be listed is skipped, not fatal. */
    public Scan scan() {
        List<SessionFile> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Scan(files, folders);
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    folders.add(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && SessionLayout.isTranscriptName(file)) {
                        files.add(SessionLayout.describe(root, file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // An unlistable folder or a file that vanished mid-walk: the next rescan retries it.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not walk " + root, e);
        }
        return new Scan(files, folders);
    }

    /** One walk's result: transcripts and the folders a watcher should cover. */
    public record Scan(List<SessionFile> files, List<Path> folders) {
    }
}
