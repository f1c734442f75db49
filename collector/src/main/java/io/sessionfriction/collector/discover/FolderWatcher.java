package io.sessionfriction.collector.discover;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the collector early when something changes under the sessions root. It only says "look
 * again": inotify drops events under load and misses folders created between scans, so the
 * periodic rescan stays the source of truth.
 */
public final class FolderWatcher implements AutoCloseable {

    private final WatchService service;
    private final Set<Path> watched = new HashSet<>();

    public FolderWatcher() throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
    }

    /** Registers folders not watched yet; a folder that vanished is left to the next scan. */
    public void watch(Collection<Path> folders) {
        for (Path folder : folders) {
            if (watched.contains(folder)) {
                continue;
            }
            try {
                folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.OVERFLOW);
                watched.add(folder);
            } catch (IOException e) {
                // Gone or unreadable: the rescan will find it (or its replacement) again.
            }
        }
    }

    /**
     * Waits up to {@code timeout} for any change (a write wakes the caller early). Returns true when
     * something was created or events were lost (overflow): then a rescan is due; a plain write is
     * picked up by polling the known files.
     */
    public boolean awaitChange(Duration timeout) throws InterruptedException {
        WatchKey key;
        try {
            key = service.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ClosedWatchServiceException e) {
            return false;
        }
        if (key == null) {
            return false;
        }
        boolean created = false;
        while (key != null) {
            created |= key.pollEvents().stream().anyMatch(e -> e.kind() != StandardWatchEventKinds.ENTRY_MODIFY);
            if (!key.reset()) {
                watched.remove((Path) key.watchable());
            }
            key = service.poll();
        }
        return created;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
