package io.sessionfriction.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.bench.Soak;
import io.sessionfriction.collector.Collector;
import io.sessionfriction.collector.CollectorConfig;
import io.sessionfriction.launcher.cli.options.DurationConverter;
import io.sessionfriction.launcher.cli.options.KafkaOptions;
import io.sessionfriction.launcher.cli.options.PositiveNumber;
import io.sessionfriction.launcher.cli.options.ProcessorOptions;
import io.sessionfriction.launcher.runtime.KafkaTarget;
import io.sessionfriction.launcher.runtime.ProcessorRuntime;
import io.sessionfriction.redaction.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-soak", mixinStandardHelpOptions = true,
        description = {"Drives a steady generated load through the whole pipeline (files, collector, broker, processor) for a "
                + "set time, and prints throughput, alert latency p50/p99, heap after GC and state size every sample.",
            "Sessions come and go, their number constant: heap and state of the last quarter must be within 10%% of the "
                    + "second quarter's (exit 1 otherwise). Give --allowed-lateness and --inactivity-gap much shorter than "
                    + "--duration (e.g. 1m and 10s), so compaction happens within the run."})
final class BenchSoakCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProcessorOptions processor;

    @Option(names = "--duration", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long the load runs (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--events-per-second", defaultValue = "2000", converter = PositiveNumber.class,
            description = "Transcript lines written per second (default: ${DEFAULT-VALUE}).")
    int eventsPerSecond;

    @Option(names = "--live-sessions", defaultValue = "100", converter = PositiveNumber.class,
            description = "Sessions writing at once (default: ${DEFAULT-VALUE}).")
    int liveSessions;

    @Option(names = "--session-lifetime", defaultValue = "1m", converter = DurationConverter.class,
            description = "How long a session writes before a new one takes its place (default: ${DEFAULT-VALUE}).")
    Duration sessionLifetime;

    @Option(names = "--sample-every", defaultValue = "30s", converter = DurationConverter.class,
            description = "How often figures are printed (default: ${DEFAULT-VALUE}).")
    Duration sampleEvery;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (duration.compareTo(sampleEvery.multipliedBy(8)) < 0) {
            throw new IllegalArgumentException("--duration must be at least 8 × --sample-every, to compare quarters");
        }
        Path sessions = Files.createTempDirectory("session-friction-soak-");
        Soak.Result result;
        try (KafkaTarget target = kafka.open(true)) {
            CollectorConfig config = CollectorConfig.defaults(sessions, target.bootstrapServers())
                    .withKafkaOverrides(target.clientOverrides()).withTransactionalId("bench-soak-" + ProcessHandle.current().pid())
                    .withTiming(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5));
            target.createTopics(config, kafka.partitions());
            try (ProcessorRuntime runtime = ProcessorRuntime.start(target, processor.setup(Redactor.defaults()));
                    Collector collector = Collector.create(config, new SimpleMeterRegistry())) {
                collector.start();
                out.printf("soak: %d events/s from %d live sessions (each %s) for %s, samples every %s%n", eventsPerSecond,
                        liveSessions, sessionLifetime, duration, sampleEvery);
                out.println("     at   written/s processed/s   p50 ms   p99 ms alerts  heap MB  state entries  state MB");
                out.flush();
                result = Soak.run(new Soak.Plan(duration, eventsPerSecond, liveSessions, sessionLifetime, sampleEvery),
                        pipeline(target, runtime, collector, sessions), sample -> {
                            out.println(line(sample));
                            out.flush();
                        });
            }
        } finally {
            delete(sessions);
        }
        out.printf(Locale.ROOT, "heap after GC, last quarter vs second: %+.1f %%; state entries: %+.1f %%: %s%n",
                100 * result.heapGrowth(), 100 * result.stateGrowth(), result.steady() ? "steady" : "GROWING");
        out.flush();
        return result.steady() ? 0 : 1;
    }

    private static String line(Soak.Sample s) {
        return String.format(Locale.ROOT, "%6ds %11.0f %11.0f %8s %8s %6d %8.1f %14d %9.1f", s.at().toSeconds(), s.writtenPerSecond(),
                s.processedPerSecond(), millis(s.latencyP50()), millis(s.latencyP99()), s.alerts(), s.heapAfterGcBytes() / 1e6,
                s.stateEntries(), s.stateDiskBytes() / 1e6);
    }

    private static String millis(Duration latency) {
        return latency == null ? "-" : String.valueOf(latency.toMillis());
    }

    private static Soak.Pipeline pipeline(KafkaTarget target, ProcessorRuntime runtime, Collector collector, Path sessions) {
        return new Soak.Pipeline() {
            @Override
            public Path sessions() {
                return sessions;
            }

            @Override
            public Properties clientProperties() {
                return target.adminProperties();
            }

            @Override
            public long stateEntries() {
                return storeEntries(runtime);
            }

            @Override
            public long stateDiskBytes() {
                return bytes(runtime.stateDirectory());
            }

            @Override
            public Throwable failure() {
                return collector.failure().<Throwable>map(e -> e).orElseGet(runtime::failure);
            }
        };
    }

    /**
     * Entries of every store of this instance, counted one by one (RocksDB's own estimate counts deleted keys
     * until they are compacted away, so it grows under a steady load of puts and deletes).
     */
    private static long storeEntries(ProcessorRuntime runtime) {
        long entries = 0;
        for (String store : runtime.stateStoreNames()) {
            try {
                entries += count(runtime.streams().store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore())).all());
            } catch (InvalidStateStoreException notKeyValue) {
                try {
                    entries += count(runtime.streams().store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.windowStore())).all());
                } catch (InvalidStateStoreException e) {
                    // not queryable during a rebalance: not counted in this sample
                }
            }
        }
        return entries;
    }

    private static long count(KeyValueIterator<?, ?> iterator) {
        try (iterator) {
            long n = 0;
            for (; iterator.hasNext(); iterator.next()) {
                n++;
            }
            return n;
        }
    }

    private static long bytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;                                           // RocksDB removed a file while it was counted
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
