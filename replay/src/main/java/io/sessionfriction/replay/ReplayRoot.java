package io.sessionfriction.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sessionfriction.replay.catalogue.FileSpan;
import io.sessionfriction.replay.catalogue.SessionSpan;

/**
 * A temporary sessions root holding exactly the selected files at their original relative paths, so the
 * collector reads those and nothing else, and names sessions, users and files as it does live.
 *
 * <p>Files are hard links, not symbolic links: the collector's discovery takes regular files only (a
 * symlink could lead anywhere outside the root). Where a hard link is refused (another file system,
 * or a kernel's protected_hardlinks on a file we do not own) the file is copied.
 */
public final class ReplayRoot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayRoot.class);

    private final Path root;

    private ReplayRoot(Path root) {
        this.root = root;
    }

    /** An empty root; {@link #add} places sessions in it. */
    public static ReplayRoot create() {
        try {
            return new ReplayRoot(Files.createTempDirectory("session-friction-replay-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the replay's sessions folder: " + e.getMessage(), e);
        }
    }

    /** A root holding all of these sessions. */
    public static ReplayRoot of(List<SessionSpan> sessions) {
        ReplayRoot root = create();
        sessions.forEach(root::add);
        return root;
    }

    /** Places a session's files at their relative paths. */
    public void add(SessionSpan session) {
        try {
            for (FileSpan span : session.files()) {
                Path target = root.resolve(span.file().relativePath());
                Files.createDirectories(target.getParent());
                if (!place(span.file().path(), target)) {
                    log.debug("{} copied (hard link refused)", span.file().relativePath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the replay's sessions folder: " + e.getMessage(), e);
        }
    }

    /** True when linked, false when copied. */
    private static boolean place(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source.toRealPath());
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            return false;
        }
    }

    public Path path() {
        return root;
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Could not remove the replay's temporary folder {}: {}", root, e.getMessage());
        }
    }
}
