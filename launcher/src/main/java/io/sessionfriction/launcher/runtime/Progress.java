package io.sessionfriction.launcher.runtime;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress report on stderr, redrawn at most twice a second: done / total, rate and ETA. */
public final class Progress {

    private static final long REDRAW_NANOS = 500_000_000L;

    /** What is counted, and how it is shown. */
    private enum Unit {
        MEGABYTES(1e6, "MB", "%.1f"), EVENTS(1, "events", "%,.0f"), SESSIONS(1, "sessions", "%.1f");

        private final double divisor;
        private final String name;
        private final String rateFormat;

        Unit(double divisor, String name, String rateFormat) {
            this.divisor = divisor;
            this.name = name;
            this.rateFormat = rateFormat;
        }
    }

    private final String label;
    private final Unit unit;
    private final long total;
    private final long began = System.nanoTime();
    private final PrintStream out = System.err;
    private long lastDraw;
    private long done;
    private String detail = "";

    private Progress(String label, Unit unit, long total) {
        this.label = label;
        this.unit = unit;
        this.total = total;
    }

    /** Progress through {@code totalBytes}, shown in MB. */
    public Progress(String label, long totalBytes) {
        this(label, Unit.MEGABYTES, totalBytes);
    }

    /** Progress through {@code totalEvents} events; each update may add a detail such as files done. */
    public static Progress ofEvents(String label, long totalEvents) {
        return new Progress(label, Unit.EVENTS, totalEvents);
    }

    /** Progress through {@code totalSessions} sessions. */
    public static Progress ofSessions(String label, long totalSessions) {
        return new Progress(label, Unit.SESSIONS, totalSessions);
    }

    public void bytes(long soFar) {
        update(soFar, "");
    }

    public synchronized void update(long soFar, String newDetail) {
        done = soFar;
        detail = newDetail;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw();
        }
    }

    public synchronized void done() {
        draw();
        out.println();
    }

    private void draw() {
        double seconds = Math.max(1e-3, (System.nanoTime() - began) / 1e9);
        double rate = done / unit.divisor / seconds;
        long eta = rate <= 0 ? 0 : (long) ((total - done) / unit.divisor / rate);
        out.printf(Locale.ROOT, "\r%s: %s%,d / %,d %s  " + unit.rateFormat + " %s/s  ETA %d s   ", label,
                detail.isEmpty() ? "" : detail + ", ", (long) (done / unit.divisor), (long) (total / unit.divisor),
                unit.name, rate, unit.name, Math.max(0, eta));
    }
}
