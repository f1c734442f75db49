package io.sessionfriction.replay;

/**
 * Closes a run's processor, on a thread of its own once {@link #begin} was called, so the run reads its results
 * meanwhile; {@link #close} then waits for it and throws what closing threw. Never begun, {@link #close} closes
 * it on the caller's thread, as a plain try-with-resources would.
 */
final class ProcessorClose implements AutoCloseable {

    private final ReplayCluster.Processor processor;
    private Thread closing;
    private volatile Throwable failure;

    ProcessorClose(ReplayCluster.Processor processor) {
        this.processor = processor;
    }

    ReplayCluster.Processor get() {
        return processor;
    }

    /** Starts closing the processor in the background; call it only once nothing more is asked of it. */
    void begin() {
        if (closing != null) {
            throw new IllegalStateException("The processor is already closing");
        }
        closing = new Thread(() -> {
            try {
                processor.close();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }, "replay-processor-close");
        closing.start();
    }

    /** Waits for a close {@link #begin} started, or closes the processor now if none was. */
    @Override
    public void close() {
        if (closing == null) {
            processor.close();
            return;
        }
        try {
            closing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the replay's processor was closing", e);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }
}
