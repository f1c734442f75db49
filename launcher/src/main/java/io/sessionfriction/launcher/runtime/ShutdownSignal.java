package io.sessionfriction.launcher.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM: the hook interrupts the command's thread, which closes its resources in order
 * (collector commits, processor closes, broker stops); the hook waits for that before the JVM exits.
 */
public final class ShutdownSignal implements AutoCloseable {

    private static final long CLOSE_BOUND_SECONDS = 60;
    private static final long CHECK_EVERY_MILLIS = 500;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    public ShutdownSignal() {
        Thread worker = Thread.currentThread();
        this.hook = new Thread(() -> {
            requested.countDown();
            worker.interrupt();
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
        requested.await();
    }

    /** Blocks until Ctrl-C or SIGTERM, or until {@code failure} reports an error, which it returns. */
    public Throwable awaitOrFailure(java.util.function.Supplier<Throwable> failure) throws InterruptedException {
        while (!requested.await(CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
            Throwable failed = failure.get();
            if (failed != null) {
                return failed;
            }
        }
        return null;
    }

    private boolean requested() {
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
