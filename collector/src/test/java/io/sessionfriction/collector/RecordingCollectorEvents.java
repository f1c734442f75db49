package io.sessionfriction.collector;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every collector event so tests can assert what was reported, and how often. */
public final class RecordingCollectorEvents implements CollectorEvents {

    /** One reported event: its kind (the method name), the file and a detail. */
    public record Entry(String kind, String file, String detail) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public List<Entry> of(String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    private void add(String kind, String file, String detail) {
        entries.add(new Entry(kind, file, detail));
    }

    @Override
    public void fileTracked(String file, String user) {
        add("fileTracked", file, user);
    }

    @Override
    public void fileUntracked(String file) {
        add("fileUntracked", file, "");
    }

    @Override
    public void fileUnreadable(String file, String reason, boolean permissionDenied) {
        add("fileUnreadable", file, (permissionDenied ? "permission denied: " : "") + reason);
    }

    @Override
    public void fileReadableAgain(String file) {
        add("fileReadableAgain", file, "");
    }

    @Override
    public void fileNotATranscript(String file, String error) {
        add("fileNotATranscript", file, error);
    }

    @Override
    public void fileReread(String file, String reason) {
        add("fileReread", file, reason);
    }

    @Override
    public void lineRejected(String file, long line, long offset, String error) {
        add("lineRejected", file, line + "@" + offset + ": " + error);
    }

    @Override
    public void eventTruncated(String file, long line, int originalBytes, int publishedBytes) {
        add("eventTruncated", file, line + ": " + originalBytes + " -> " + publishedBytes);
    }

    @Override
    public void eventFiltered(String file, long line) {
        add("eventFiltered", file, String.valueOf(line));
    }

    @Override
    public void lag(String file, long bytes) {
        add("lag", file, String.valueOf(bytes));
    }

    @Override
    public void committed(CollectorCounts counts, Duration latency) {
        add("committed", "", counts.lines() + " lines, " + counts.events() + " events, " + counts.bytes() + " bytes, "
                + counts.deadLetters() + " dead letters");
    }

    @Override
    public void aborted(String reason) {
        add("aborted", "", reason);
    }

    @Override
    public void filesTracked(int count) {
        add("filesTracked", "", String.valueOf(count));
    }
}
