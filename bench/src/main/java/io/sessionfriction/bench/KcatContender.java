package io.sessionfriction.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * kcat ({@code kcat -P -l}) publishing the same corpus to the same broker, with producer settings
 * matched to the collector's: acks=all, idempotence, lz4, linger 5 ms, 256 KiB batches, 8 MiB requests.
 * Timed from starting kcat until it exited, which it does only after every message was acknowledged.
 */
public final class KcatContender implements Contender {

    /** How kcat is driven. */
    public enum Mode {
        /** One kcat for the whole corpus, files streamed into {@code -l /dev/stdin}; unkeyed. */
        STREAM("kcat"),
        /** {@code kcat -P -l FILE -k SESSION} once per file: keyed by session like the collector, one process per file. */
        PER_FILE("kcat-per-file"),
        /** As STREAM, with {@code -X transactional.id}: kcat commits the whole corpus as one transaction at exit. */
        STREAM_TXN("kcat-txn");

        private final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private static final long MAX_RUN_MINUTES = 60;
    /** kcat reads the file named by -l; an inherited terminal must not become its input. */
    private static final ProcessBuilder.Redirect NO_INPUT = ProcessBuilder.Redirect.from(new File("/dev/null"));

    private final String kcat;
    private final String bootstrapServers;
    private final NewTopic template;
    private final Mode mode;
    private final Map<String, String> extraProperties;
    private final BenchTopics topics;
    private final Path log;

    public KcatContender(String kcat, String bootstrapServers, NewTopic template, Mode mode,
            Map<String, String> extraProperties, BenchTopics topics, Path log) {
        this.kcat = kcat;
        this.bootstrapServers = bootstrapServers;
        this.template = template;
        this.mode = mode;
        this.extraProperties = Map.copyOf(extraProperties);
        this.topics = topics;
        this.log = log;
    }

    /** Fails with a message saying how to install kcat when {@code kcat} cannot be run. */
    public static String version(String kcat) {
        try {
            Process process = new ProcessBuilder(kcat, "-V").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalArgumentException("'" + kcat + " -V' failed: " + out);
            }
            return out.lines().filter(l -> l.startsWith("Version")).findFirst().orElse(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("kcat not found at '" + kcat + "' (" + e.getMessage()
                    + "); install it (Debian: apt-get install kcat) or pass --kcat PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking kcat", e);
        }
    }

    @Override
    public String name() {
        return mode.label;
    }

    @Override
    public RunResult run(Corpus corpus, int round) throws Exception {
        String topic = "bench-" + mode.label + "-" + round + "-events";
        topics.create(List.of(BenchTopics.like(template, topic)));
        Duration cpuBefore = ProcessCpu.used();
        long began = System.nanoTime();
        if (mode == Mode.PER_FILE) {
            for (Corpus.File file : corpus.files()) {
                List<String> command = command(topic, round);
                command.addAll(List.of("-l", file.path().toString(), "-k", file.sessionKey()));
                await(start(command, NO_INPUT), command);
            }
        } else {
            List<String> command = command(topic, round);
            command.addAll(List.of("-l", "/dev/stdin"));
            Process process = start(command, ProcessBuilder.Redirect.PIPE);
            try (OutputStream in = process.getOutputStream()) {
                for (Corpus.File file : corpus.files()) {
                    copyLines(file.path(), in);
                }
            }
            await(process, command);
        }
        long elapsed = System.nanoTime() - began;
        Duration cpu = ProcessCpu.used().minus(cpuBefore);
        long counted = topics.countCommitted(topic);
        topics.delete(List.of(topic));
        return new RunResult(name(), round, Duration.ofNanos(elapsed), cpu, corpus.lines(), corpus.bytes(),
                corpus.lines(), counted);
    }

    private List<String> command(String topic, int round) {
        List<String> command = new ArrayList<>(List.of(kcat, "-P", "-q", "-b", bootstrapServers, "-t", topic,
                "-X", "acks=all",
                "-X", "enable.idempotence=true",
                "-X", "compression.codec=lz4",
                "-X", "linger.ms=5",
                "-X", "batch.size=" + 256 * 1024,
                "-X", "message.max.bytes=" + template.configs().get("max.message.bytes")));
        if (mode == Mode.STREAM_TXN) {
            // One transaction holds the whole corpus: the broker's 15-minute ceiling, and -m bounds the final commit.
            command.addAll(List.of("-X", "transactional.id=bench-kcat-" + round,
                    "-X", "transaction.timeout.ms=900000", "-m", "600"));
        }
        extraProperties.forEach((key, value) -> command.addAll(List.of("-X", key + "=" + value)));
        return command;
    }

    private Process start(List<String> command, ProcessBuilder.Redirect stdin) throws IOException {
        return new ProcessBuilder(command)
                .redirectInput(stdin)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private void await(Process process, List<String> command) throws InterruptedException, IOException {
        if (!process.waitFor(MAX_RUN_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("kcat did not finish within " + MAX_RUN_MINUTES + " min: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kcat exited with " + process.exitValue() + " (see " + log + "): "
                    + String.join(" ", command));
        }
    }

    /** A file's bytes, plus the newline its last line may lack, so files never run into each other on the stream. */
    private static void copyLines(Path file, OutputStream out) throws IOException {
        long size = Files.copy(file, out);
        if (size > 0 && !endsWithNewline(file, size)) {
            out.write('\n');
        }
    }

    private static boolean endsWithNewline(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(size - 1);
            return raf.read() == '\n';
        }
    }
}
