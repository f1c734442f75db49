package io.sessionfriction.launcher.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Whether a replay or a bounded run is short enough for a JVM with no C2 at all, guessed before that JVM
 * starts, from the bytes of the session files under its sessions folder (no line is read). A short run's
 * compiling costs more than C2's code gives back ({@link ShortRunCompilation}: about 50,000 events), and only
 * a JVM started for it can leave C2 and the class loading out from its first second; the selection by time or
 * user is known only after the scan, so the bytes are an upper bound. {@link #MOST_BYTES} is about 40,000
 * events at the 1.6 KB a line of the team's real transcripts (the samples' lines are 2 KB): C1 alone was a
 * fifth slower than the lean C2 at 96,000 events and as fast at 28,000 (docs/benchmarks.md). A wrong guess
 * costs speed only: a larger run with a smaller selection still loses C2 after its scan.
 */
final class ShortRun {

    static final long MOST_BYTES = 64_000_000L;

    private static final List<String> SHORT_COMMANDS = List.of("replay", "run");
    private static final List<String> NO_RUN = List.of("--help", "-h", "--version", "-V");

    private ShortRun() {
    }

    /** True when {@code args} run a replay or run over a sessions folder holding at most {@link #MOST_BYTES} of sessions. */
    static boolean guess(String[] args, Supplier<Optional<Path>> sessions) {
        boolean runs = BoundedRunJvm.subcommand(args).filter(SHORT_COMMANDS::contains).isPresent()
                && List.of(args).stream().noneMatch(NO_RUN::contains);
        if (!runs) {
            return false;
        }
        return sessions.get().map(ShortRun::sessionBytes).filter(bytes -> bytes > 0 && bytes <= MOST_BYTES).isPresent();
    }

    /** The bytes of the {@code .jsonl} files under {@code root}, stopping once past {@link #MOST_BYTES}; 0 when unreadable. */
    static long sessionBytes(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> files = Files.walk(root)) {
            Iterator<Path> walk = files.iterator();
            while (total <= MOST_BYTES && walk.hasNext()) {
                Path file = walk.next();
                total += file.getFileName().toString().endsWith(".jsonl") ? size(file) : 0;
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        return total;
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
