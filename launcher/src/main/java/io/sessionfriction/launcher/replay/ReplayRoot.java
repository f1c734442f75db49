package io.sessionfriction.launcher.replay;

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
    private final long copied;

    private ReplayRoot(Path root, long copied) {
        this.root = root;
        this.copied = copied;
    }

    public static ReplayRoot of(List<SessionSpan> sessions) {
        try {
            Path root = Files.createTempDirectory("session-friction-replay-");
            long copied = 0;
            for (SessionSpan session : sessions) {
                for (FileSpan span : session.files()) {
                    Path target = root.resolve(span.file().relativePath());
                    Files.createDirectories(target.getParent());
                    copied += place(span.file().path(), target) ? 0 : 1;
                }
            }
            if (copied > 0) {
                log.info("{} selected file(s) copied (hard links refused)", copied);
            }
            return new ReplayRoot(root, copied);
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

    public long copiedFiles() {
        return copied;
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
