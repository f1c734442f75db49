package io.sessionfriction.replay.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

import io.sessionfriction.replay.ReplayListener;

/**
 * Tells the listener how far the run is, from its own thread, while the collector and the processor work,
 * once the run has lasted long enough to need it. Counts the events the processor committed: the run's
 * own session-events topic holds exactly the replay's.
 */
public final class ProgressTicker implements AutoCloseable {

    private static final Duration PROGRESS_AFTER = Duration.ofSeconds(2);
    private static final Duration EVERY = Duration.ofMillis(500);

    private final Admin admin;
    private final String applicationId;
    private final long events;
    private final int files;
    private final LongSupplier filesPublished;
    private final ReplayListener listener;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean told;

    private ProgressTicker(Properties adminProperties, String applicationId, long events, int files,
            LongSupplier filesPublished, ReplayListener listener) {
        this.admin = Admin.create(adminProperties);
        this.applicationId = applicationId;
        this.events = events;
        this.files = files;
        this.filesPublished = filesPublished;
        this.listener = listener;
        this.thread = new Thread(this::run, "replay-progress");
        this.thread.setDaemon(true);
    }

    public static ProgressTicker start(Properties adminProperties, String applicationId, long events, int files,
            LongSupplier filesPublished, ReplayListener listener) {
        ProgressTicker ticker = new ProgressTicker(adminProperties, applicationId, events, files, filesPublished, listener);
        listener.started(events, files);
        ticker.thread.start();
        return ticker;
    }

    private void run() {
        try {
            Thread.sleep(PROGRESS_AFTER.toMillis());
            while (running) {
                listener.progress(Math.min(events, committed()), filesPublished.getAsLong());
                told = true;
                Thread.sleep(EVERY.toMillis());
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            // Progress is a courtesy: a failed look-up ends the line, never the replay.
        }
    }

    private long committed() throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS).values().stream()
                .filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    /** Every event is processed: stops ticking and, if anything was told, tells the totals and the end. */
    public void finish() throws InterruptedException {
        close();
        if (told) {
            listener.progress(events, files);
            listener.finished();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            running = false;
            thread.interrupt();
            thread.join(2000);
            admin.close(Duration.ofSeconds(5));
        }
    }
}
