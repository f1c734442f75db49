package io.sessionfriction.launcher.runtime.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.kafka.streams.KafkaStreams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sessionfriction.launcher.runtime.BuildInfo;

/**
 * The process's Prometheus registry. The pipeline's own meters are registered in Micrometer's global
 * registry by the collector and the processor, so this registry joins the global composite; JVM and
 * Kafka client meters are bound to it directly (they describe this process, not the pipeline, and two
 * instances in one JVM, as in tests, must not share them). {@link #close()} leaves the composite.
 */
public final class Telemetry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Telemetry.class);
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** How often the Kafka binders look for new Kafka metrics (a task's appear when it is assigned); Micrometer's default is a minute. */
    static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final ScheduledExecutorService kafkaRefresh = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kafka-metrics-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private Telemetry() {
    }

    /** A registry with the JVM meters and the build info, added to the global composite. */
    public static Telemetry start() {
        Telemetry telemetry = new Telemetry();
        BuildInfo.register(telemetry.registry);
        telemetry.bind(new JvmMemoryMetrics());
        telemetry.bind(new JvmGcMetrics());
        telemetry.bind(new JvmThreadMetrics());
        telemetry.bind(new ClassLoaderMetrics());
        telemetry.bind(new ProcessorMetrics());
        telemetry.bind(new UptimeMetrics());
        Metrics.globalRegistry.add(telemetry.registry);
        return telemetry;
    }

    /** Kafka Streams' own metrics (threads, tasks, stores, and its embedded clients): {@code kafka_stream_*}. */
    public void bind(KafkaStreams streams) {
        bind(new KafkaStreamsMetrics(streams, List.of(), kafkaRefresh, KAFKA_METRICS_REFRESH));
    }

    /** A binder of this process's own (a Kafka client's metrics, say). */
    public void bind(MeterBinder binder) {
        binder.bindTo(registry);
        if (binder instanceof AutoCloseable closeable) {
            binders.add(closeable);
        }
    }

    /** The Prometheus text exposition of every meter. */
    public byte[] scrape() {
        return registry.scrape().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code /metrics}. */
    public void install(OpsServer server) {
        server.route("/metrics", exchange -> {
            if (Responses.requireGet(exchange)) {
                Responses.send(exchange, 200, CONTENT_TYPE, scrape());
            }
        });
    }

    @Override
    public void close() {
        Metrics.globalRegistry.remove(registry);
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                log.debug("Closing a meter binder", e);
            }
        }
        kafkaRefresh.shutdownNow();
        registry.close();
    }
}
