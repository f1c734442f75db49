package io.sessionfriction.launcher.cli;

import java.util.Locale;

import io.sessionfriction.launcher.runtime.Progress;
import io.sessionfriction.replay.ReplayListener;

/** A replay's progress as one line on stderr: events processed, files published, rate and ETA. */
final class ReplayProgressLine implements ReplayListener {

    private Progress progress;
    private long files;

    @Override
    public void started(long events, long totalFiles) {
        progress = Progress.ofEvents("replay", events);
        files = totalFiles;
    }

    @Override
    public void progress(long events, long published) {
        progress.update(events, String.format(Locale.ROOT, "%d / %d files", published, files));
    }

    @Override
    public void finished() {
        progress.done();
    }
}
