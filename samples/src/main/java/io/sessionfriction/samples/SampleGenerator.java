package io.sessionfriction.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Writes Claude Code transcripts that follow docs/transcript-format.md: the curated sample set shipped in
 * {@code samples/sessions}, or a large synthetic corpus for benchmarks. Output depends only on the seed
 * and the base time: the same pair gives byte-identical files.
 */
public final class SampleGenerator {
    /** The seed the shipped samples were written with. */
    public static final long DEFAULT_SEED = 20260211L;
    /** The event time of the first shipped sample line. */
    public static final Instant DEFAULT_BASE_TIME = Instant.parse("2026-02-09T08:00:00Z");

    private final long seed;
    private final Instant baseTime;

    public SampleGenerator(long seed, Instant baseTime) {
        this.seed = seed;
        this.baseTime = Objects.requireNonNull(baseTime, "baseTime");
    }

    /** Writes the curated sample set (the README's run command uses it) under {@code root}. */
    public void writeSamples(Path root) throws IOException {
        new CuratedSamples(seed, baseTime).write(root);
    }

    /**
     * Writes random realistic sessions of {@code users} users under {@code root} until about
     * {@code targetBytes} (it stops after the session that crosses the target); after each session the
     * callback receives the bytes written so far.
     */
    public void writeCorpus(Path root, long targetBytes, int users, LongConsumer bytesWritten) throws IOException {
        new SyntheticCorpus(seed, baseTime).write(root, targetBytes, users, bytesWritten);
    }
}
