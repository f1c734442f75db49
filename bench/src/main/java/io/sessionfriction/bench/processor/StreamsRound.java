package io.sessionfriction.bench.processor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

import io.sessionfriction.bench.ProcessCpu;
import io.sessionfriction.replay.kafka.SettledEnds;

/**
 * Runs one Kafka Streams app over the whole input topic and times it from {@code start()} until its group
 * committed past every committed input record, as a replay waits for its processor. Each run has an
 * application id of its own (so it reads from the beginning and has its own changelogs) and a fresh state
 * directory; both are removed afterwards, so later rounds find the broker as the first did.
 */
final class StreamsRound {

    private static final Duration CHECK_EVERY = Duration.ofMillis(50);
    private static final long CALL_SECONDS = 15;

    private final Properties adminProperties;
    private final Duration bound;

    StreamsRound(Properties adminProperties, Duration bound) {
        this.adminProperties = adminProperties;
        this.bound = bound;
    }

    /** Runs {@code topology} with {@code props} (application id and state directory are set here) until caught up. */
    Measurement run(String contender, PublishedCorpus corpus, int round, int threads, String applicationId, Topology topology,
            Properties props) throws Exception {
        Path stateDir = Files.createTempDirectory("bench-processor-state-");
        Properties config = new Properties();
        config.putAll(props);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong runningAt = new AtomicLong();
        try (Admin admin = Admin.create(adminProperties)) {
            Map<TopicPartition, Long> ends = SettledEnds.of(admin, corpus.inputTopic())
                    .orElseThrow(() -> new IllegalStateException(corpus.inputTopic() + " has open transactions"));
            KafkaStreams streams = new KafkaStreams(topology, config);
            streams.setUncaughtExceptionHandler(e -> {
                failure.set(e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    runningAt.compareAndSet(0, System.nanoTime());
                }
            });
            long cpuBefore = ProcessCpu.used().toNanos();
            long began = System.nanoTime();
            try {
                streams.start();
                awaitCaughtUp(admin, applicationId, ends, failure, began);
                long caughtUp = System.nanoTime();
                runningAt.compareAndSet(0, caughtUp);
                long cpu = ProcessCpu.used().toNanos() - cpuBefore;
                return new Measurement(contender, corpus.label(), round, threads, Duration.ofNanos(caughtUp - began),
                        Duration.ofNanos(runningAt.get() - began), Duration.ofNanos(cpu), corpus.events(), corpus.bytes());
            } finally {
                streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
                streams.cleanUp();
                deleteInternalTopics(admin, applicationId);
                deleteTree(stateDir);
            }
        }
    }

    private void awaitCaughtUp(Admin admin, String groupId, Map<TopicPartition, Long> ends, AtomicReference<Throwable> failure,
            long began) throws Exception {
        long deadline = began + bound.toNanos();
        while (true) {
            if (failure.get() != null) {
                throw new IllegalStateException(groupId + " failed: " + failure.get(), failure.get());
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(CALL_SECONDS, TimeUnit.SECONDS);
            if (ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || Optional.ofNullable(committed.get(end.getKey()))
                    .map(OffsetAndMetadata::offset).orElse(-1L) >= end.getValue())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(groupId + " did not catch up within " + bound.toSeconds() + " s");
            }
            Thread.sleep(CHECK_EVERY.toMillis());
        }
    }

    /** Changelogs and repartition topics are named {@code <application id>-...}. */
    private static void deleteInternalTopics(Admin admin, String applicationId) throws Exception {
        List<String> internal = admin.listTopics().names().get(CALL_SECONDS, TimeUnit.SECONDS).stream()
                .filter(name -> name.startsWith(applicationId + "-")).toList();
        if (!internal.isEmpty()) {
            admin.deleteTopics(internal).all().get(CALL_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
