package io.sessionfriction.collector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A collector in its own JVM, for tests to kill with SIGKILL or stop with SIGTERM. Arguments: sessions root,
 * bootstrap servers, events topic, DLQ topic, offsets topic, transactional id.
 */
public final class CollectorProcessMain {

    private CollectorProcessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CollectorConfig config = CollectorConfig.defaults(Path.of(args[0]), args[1])
                .withTopics(args[2], args[3], args[4])
                .withTransactionalId(args[5])
                .withTiming(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1));
        Collector collector = Collector.create(config, new SimpleMeterRegistry());
        // SIGTERM runs the hook (close commits and returns); kill -9 skips it, which is the crash case.
        Runtime.getRuntime().addShutdownHook(new Thread(collector::close, "collector-shutdown"));
        collector.start();
        new CountDownLatch(1).await();
    }
}
