package io.sessionfriction.launcher.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM: the hook wakes the command's thread (interrupting it only when it is not waiting for
 * the signal), which closes its resources in order (collector commits, processor closes, broker stops);
 * the hook waits for that before the JVM exits. A {@link #polled()} signal never interrupts: its thread asks
 * {@link #requested()} where it can stop cleanly.
 */
public final class ShutdownSignal implements AutoCloseable {

    private static final long CLOSE_BOUND_SECONDS = 60;
    private static final long CHECK_EVERY_MILLIS = 500;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    /** The worker blocks on the signal itself: it wakes without an interrupt. Guarded by {@code this}. */
    private boolean waiting;

    public ShutdownSignal() {
        this(true);
    }

    /**
     * For a thread that checks {@link #requested()} at its own safe points: an interrupt landing in a
     * transaction, a client's close or the broker's shutdown would leave them half done.
     */
    public static ShutdownSignal polled() {
        return new ShutdownSignal(false);
    }

    private ShutdownSignal(boolean interrupts) {
        Thread worker = Thread.currentThread();
        this.hook = new Thread(() -> {
            // An interrupt that lands while the worker closes its clients makes them log an ERROR (the
            // producer's "Interrupted while joining ioThread") and can cut the final commit short: only a
            // worker busy elsewhere (starting, catching up) is interrupted. Decided before the worker can
            // wake and leave its wait, under the lock it changes its state with.
            synchronized (this) {
                if (interrupts && !waiting) {
                    worker.interrupt();
                }
                requested.countDown();
            }
            try {
                finished.await(CLOSE_BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Blocks until Ctrl-C or SIGTERM. */
    public void await() throws InterruptedException {
        waiting(true);
        try {
            requested.await();
        } finally {
            waiting(false);
        }
    }

    /** Blocks until Ctrl-C or SIGTERM, or until {@code failure} reports an error, which it returns. */
    public Throwable awaitOrFailure(java.util.function.Supplier<Throwable> failure) throws InterruptedException {
        waiting(true);
        try {
            while (!requested.await(CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
                Throwable failed = failure.get();
                if (failed != null) {
                    return failed;
                }
            }
            return null;
        } finally {
            waiting(false);
        }
    }

    private synchronized void waiting(boolean now) {
        waiting = now;
    }

    /** True once Ctrl-C or SIGTERM came. */
    public boolean requested() {
        return requested.getCount() == 0;
    }

    @Override
    public void close() {
        finished.countDown();
        if (!requested()) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        Thread.interrupted();
    }
}
