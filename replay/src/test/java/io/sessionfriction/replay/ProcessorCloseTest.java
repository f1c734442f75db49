package io.sessionfriction.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.FrictionAlert;

/** A run's results are read while its processor closes; the run still ends only once the processor has closed. */
class ProcessorCloseTest {

    @Test
    void begunTheCloseRunsOnItsOwnThreadAndCloseWaitsForIt() throws InterruptedException {
        SlowProcessor processor = new SlowProcessor(null);
        ProcessorClose close = new ProcessorClose(processor);

        close.begin();
        assertThat(processor.started.await(10, TimeUnit.SECONDS)).as("closing started").isTrue();
        assertThat(processor.closedOn).isEqualTo("replay-processor-close");
        assertThat(processor.finished.getCount()).as("begin() did not wait for it").isEqualTo(1);

        Thread caller = Thread.currentThread();
        Thread releaser = new Thread(() -> {
            // Released only once the caller is blocked in close(), waiting for the closing thread.
            while (caller.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            processor.release.countDown();
        });
        releaser.start();
        close.close();
        assertThat(processor.finished.getCount()).as("close() returned only after the processor closed").isZero();
        releaser.join();
    }

    @Test
    void neverBegunItClosesOnTheCallersThread() {
        SlowProcessor processor = new SlowProcessor(null);
        processor.release.countDown();

        new ProcessorClose(processor).close();

        assertThat(processor.closedOn).isEqualTo(Thread.currentThread().getName());
        assertThat(processor.finished.getCount()).isZero();
    }

    @Test
    void whatClosingThrewInTheBackgroundIsThrownByClose() {
        SlowProcessor processor = new SlowProcessor(new IllegalStateException("state directory is locked"));
        processor.release.countDown();
        ProcessorClose close = new ProcessorClose(processor);

        close.begin();

        assertThatThrownBy(close::close).isInstanceOf(IllegalStateException.class).hasMessage("state directory is locked");
    }

    @Test
    void itBeginsOnlyOnce() {
        SlowProcessor processor = new SlowProcessor(null);
        processor.release.countDown();
        ProcessorClose close = new ProcessorClose(processor);
        close.begin();

        assertThatThrownBy(close::begin).isInstanceOf(IllegalStateException.class).hasMessageContaining("already closing");
        close.close();
    }

    /** A processor whose close takes until it is released, and then throws {@code failure} if there is one. */
    private static final class SlowProcessor implements ReplayCluster.Processor {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        private final RuntimeException failure;
        volatile String closedOn;

        SlowProcessor(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void awaitConsumed(String topic, Duration bound, BooleanSupplier stopRequested) {
            throw new UnsupportedOperationException("not asked of a closing processor");
        }

        @Override
        public Map<String, FrictionAlert> alertTotals() {
            throw new UnsupportedOperationException("not asked of a closing processor");
        }

        @Override
        public void close() {
            closedOn = Thread.currentThread().getName();
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.countDown();
            if (failure != null) {
                throw failure;
            }
        }
    }
}
