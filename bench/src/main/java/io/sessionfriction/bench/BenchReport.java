package io.sessionfriction.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Prints each run as it ends, then the medians per contender and the collector's rate as a multiple of each kcat's. */
public final class BenchReport {

    /** The goal: the collector, exactly-once, at 0.7x kcat's rate or better. */
    public static final double GOAL = 0.7;

    private final PrintWriter out;
    private final Map<String, List<RunResult>> runs = new LinkedHashMap<>();
    private boolean everyRunComplete = true;

    public BenchReport(PrintWriter out) {
        this.out = out;
    }

    public void header(Corpus corpus, String broker, String kcatVersion) {
        out.printf(Locale.ROOT, "corpus: %s  %,d files  %,d lines  %,.1f MB%n", corpus.root(), corpus.files().size(),
                corpus.lines(), corpus.bytes() / 1e6);
        out.printf(Locale.ROOT, "broker: %s  kcat: %s%n", broker, kcatVersion);
        host("start");
        out.flush();
    }

    public void host(String when) {
        out.printf(Locale.ROOT, "host at %s: nproc=%d  loadavg %s%n", when, Runtime.getRuntime().availableProcessors(),
                loadAverage());
        out.flush();
    }

    /** Records a run; rounds below 1 are warm-up rounds, printed but left out of the medians. */
    public void add(RunResult run) {
        if (run.round() >= 1) {
            runs.computeIfAbsent(run.contender(), k -> new ArrayList<>()).add(run);
        }
        everyRunComplete &= run.complete();
        String round = run.round() >= 1 ? "round " + run.round() : "warm-up";
        out.printf(Locale.ROOT, "%-9s %-14s %7.1f s  %,10.0f lines/s  %6.1f MB/s  cpu %5.1f s (%5.1f MB/cpu-s)  "
                + "records %,d of %,d %s%n", round, run.contender(), run.seconds(), run.linesPerSecond(),
                run.megabytesPerSecond(), run.cpu().toMillis() / 1e3, run.megabytesPerCpuSecond(), run.counted(), run.expected(), run.complete() ? "OK" : "MISMATCH");
        out.flush();
    }

    /**
     * Medians and ratios, then the same for each contender's fastest run: on a shared machine the fastest
     * run is the one least disturbed by others, so both are shown. False when some run lost or duplicated records.
     */
    public boolean summary() {
        compare("median", BenchReport::median);
        compare("fastest", list -> sorted(list).get(0));
        out.println(everyRunComplete ? "every run delivered every record exactly once"
                : "SOME RUN LOST OR DUPLICATED RECORDS");
        out.flush();
        return everyRunComplete;
    }

    private void compare(String label, Function<List<RunResult>, RunResult> pick) {
        out.println(label + " of each contender:");
        Map<String, RunResult> picked = new LinkedHashMap<>();
        runs.forEach((name, list) -> {
            RunResult run = pick.apply(list);
            picked.put(name, run);
            out.printf(Locale.ROOT, "  %-14s %7.1f s  %,10.0f lines/s  %6.1f MB/s  %5.1f MB/cpu-s%n", name,
                    run.seconds(), run.linesPerSecond(), run.megabytesPerSecond(), run.megabytesPerCpuSecond());
        });
        RunResult collector = picked.get("collector");
        if (collector == null) {
            return;
        }
        picked.forEach((name, other) -> {
            if (other != collector) {
                double ratio = collector.linesPerSecond() / other.linesPerSecond();
                double cpuRatio = collector.megabytesPerCpuSecond() / other.megabytesPerCpuSecond();
                out.printf(Locale.ROOT, "  ratio collector/%s (%s) = %.2f (goal >= %.1f: %s); per CPU-second %.2f%n",
                        name, label, ratio, GOAL, ratio >= GOAL ? "met" : "NOT met", cpuRatio);
            }
        });
    }

    /** The run of median duration (the lower middle for an even count), so its figures belong to one real run. */
    static RunResult median(List<RunResult> list) {
        return sorted(list).get((list.size() - 1) / 2);
    }

    private static List<RunResult> sorted(List<RunResult> list) {
        List<RunResult> sorted = new ArrayList<>(list);
        sorted.sort((a, b) -> a.elapsed().compareTo(b.elapsed()));
        return sorted;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
