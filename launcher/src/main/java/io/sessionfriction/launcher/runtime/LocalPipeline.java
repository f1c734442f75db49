package io.sessionfriction.launcher.runtime;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.collector.CollectorStats;
import io.sessionfriction.notify.AlertSink;
import io.sessionfriction.notify.MeteredNotifyEvents;
import io.sessionfriction.notify.NotifySettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.redaction.Redactor;

/**
 * What {@code run} runs on one cluster: the processor, the alert printer, the alert sink when one is asked
 * for (beside the topology, a consumer of its own), and the collector; closed in the reverse order.
 */
public final class LocalPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPipeline.class);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final ProcessorRuntime processor;
    private final AlertPrinter printer;
    private final Optional<AlertSink> sink;
    private final Optional<NotifySettings> sending;
    private final Collector collector;
    private final CatchUp catchUp;

    private LocalPipeline(KafkaTarget target, CollectorConfig config, Redactor redactor, ProcessorSetup setup, PrintWriter out,
            AlertOutput output, Optional<NotifySettings> sending) {
        this.sending = sending;
        try {
            processor = open(ProcessorRuntime.start(target, setup));
            printer = open(AlertPrinter.start(target, out, output, target.embedded()));
            sink = sending.map(settings -> open(AlertSink.start(settings, target.adminProperties(),
                    new MeteredNotifyEvents(Metrics.globalRegistry))));
            collector = open(Collector.create(config, redactor, Metrics.globalRegistry));
            catchUp = open(new CatchUp(target));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts every part but the collector's loop; alerts already on the topic are printed only on an embedded broker. */
    public static LocalPipeline start(KafkaTarget target, CollectorConfig config, Redactor redactor, ProcessorSetup setup,
            PrintWriter out, AlertOutput output, Optional<NotifySettings> sending) {
        return new LocalPipeline(target, config, redactor, setup, out, output, sending);
    }

    private <T extends AutoCloseable> T open(T part) {
        opened.push(part);
        return part;
    }

    /**
     * Publishes what the files hold, then waits (at most {@code bound} each) until the processor consumed it,
     * the printer printed every alert and the sink committed them, and releases what an ordered output held.
     */
    public CollectorStats catchUp(Duration bound) throws InterruptedException {
        CollectorStats stats = collector.runUntilCaughtUp();
        catchUp.awaitGroup(processor.applicationId(), Topics.SESSION_EVENTS.name(), bound, processor::failure);
        catchUp.awaitReader(printer::positions, Topics.FRICTION_ALERTS.name(), bound, printer::failure);
        if (sink.isPresent()) {
            catchUp.awaitGroup(sending.orElseThrow().groupId(), Topics.FRICTION_ALERTS.name(), bound,
                    () -> sink.get().failure().orElse(null));
        }
        printer.release();
        return stats;
    }

    /** Tails the files from now on, until closed. */
    public void follow() {
        collector.start();
    }

    /** Null once Ctrl-C or SIGTERM came; the error when a part stopped on its own first. */
    public Throwable awaitStop(ShutdownSignal shutdown) {
        try {
            return shutdown.awaitOrFailure(() -> collector.failure().<Throwable>map(e -> e)
                    .or(() -> Optional.ofNullable(processor.failure()))
                    .or(() -> sink.flatMap(AlertSink::failure))
                    .orElse(null));
        } catch (InterruptedException e) {
            // The signal's hook interrupts this thread as it releases the wait: what follows the wait is still owed.
            return null;
        }
    }

    public CollectorStats stats() {
        return collector.stats();
    }

    public Map<String, Integer> alertsByRule() {
        return printer.alertsByRule();
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("Closing a part of the pipeline: {}", e.toString());
            }
        }
    }
}
