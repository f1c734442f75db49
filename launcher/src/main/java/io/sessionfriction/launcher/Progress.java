package io.sessionfriction.launcher;

import java.io.PrintStream;

/** A one-line progress report on stderr, redrawn at most twice a second. */
final class Progress {

    private static final long REDRAW_NANOS = 500_000_000L;

    private final String label;
    private final long totalBytes;
    private final long began = System.nanoTime();
    private final PrintStream out = System.err;
    private long lastDraw;
    private long bytes;

    Progress(String label, long totalBytes) {
        this.label = label;
        this.totalBytes = totalBytes;
    }

    void bytes(long soFar) {
        bytes = soFar;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw();
        }
    }

    void done() {
        draw();
        out.println();
    }

    private void draw() {
        double seconds = Math.max(1e-3, (System.nanoTime() - began) / 1e9);
        double mbPerSecond = bytes / 1e6 / seconds;
        long eta = mbPerSecond <= 0 ? 0 : (long) ((totalBytes - bytes) / 1e6 / mbPerSecond);
        out.printf("\r%s: %,d / %,d MB  %.1f MB/s  ETA %d s   ", label, bytes / 1_000_000, totalBytes / 1_000_000,
                mbPerSecond, Math.max(0, eta));
    }
}
