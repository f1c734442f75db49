package io.sessionfriction.bench.processor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.processor.ProcessorSettings;

/**
 * Prints each run as it ends; then, per corpus and thread count, the medians of both Streams contenders and
 * the topology's rate as a fraction of the pass-through's, and per corpus the replay against Kafka's ceiling
 * (publish + pass-through); the same as one JSON document.
 */
public final class ProcessorBenchReport {

    /** The goals: the topology at half the pass-through's rate or better; a replay within twice the ceiling. */
    public static final double TOPOLOGY_GOAL = 0.5;
    public static final double REPLAY_GOAL = 2.0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPLAY_THREADS = ProcessorSettings.Tuning.THROUGHPUT.streamThreads();

    private final PrintWriter out;
    private final ProcessorBench.Plan plan;
    private final List<Measurement> runs = new ArrayList<>();
    private final ObjectNode document = JSON.createObjectNode();

    ProcessorBenchReport(PrintWriter out, ProcessorBench.Plan plan) {
        this.out = out;
        this.plan = plan;
        document.put("nproc", Runtime.getRuntime().availableProcessors());
    }

    void published(PublishedCorpus corpus, Duration took) {
        out.printf(Locale.ROOT, "corpus %s: %,d events, %,.1f MB, %d sessions, published in %.1f s to %s%n", corpus.label(),
                corpus.events(), corpus.bytes() / 1e6, corpus.plan().sessions().size(), took.toNanos() / 1e9,
                corpus.inputTopic());
        ObjectNode node = document.withArray("corpora").addObject();
        node.put("corpus", corpus.label()).put("dir", corpus.dir().toString()).put("events", corpus.events())
                .put("bytes", corpus.bytes()).put("sessions", corpus.plan().sessions().size());
        out.flush();
    }

    void host(String when) {
        String load = loadAverage();
        out.printf(Locale.ROOT, "host at %s: nproc=%d  loadavg %s%n", when, Runtime.getRuntime().availableProcessors(), load);
        document.put("loadavg" + Character.toUpperCase(when.charAt(0)) + when.substring(1), load);
        out.flush();
    }

    void add(Measurement run) {
        if (run.round() >= 1) {
            runs.add(run);
        }
        out.printf(Locale.ROOT, "%-9s %-18s %-12s %-9s %7.2f s  %,9.0f events/s  %6.1f MB/s  cpu %6.1f s  %6.0f cpu-us/event%s%n",
                run.round() >= 1 ? "round " + run.round() : "warm-up", run.corpus(), run.contender(),
                run.threads() > 0 ? run.threads() + " thr" : "", run.seconds(), run.eventsPerSecond(), run.megabytesPerSecond(),
                run.cpuSeconds(), run.cpuMicrosPerEvent(),
                run.startup().isZero() ? "" : String.format(Locale.ROOT, "  (running after %.2f s)", run.startup().toNanos() / 1e9));
        out.flush();
    }

    /** Medians (of the measured rounds) and ratios, as a table and then as JSON. */
    void summary() {
        ArrayNode runsJson = document.putArray("runs");
        runs.forEach(run -> runsJson.add(json(run)));
        out.println("medians (topology rate / pass-through rate; per-round ratios in brackets; goal >= " + TOPOLOGY_GOAL + "):");
        ArrayNode comparisons = document.putArray("comparisons");
        for (String corpus : corpora()) {
            for (int threads : plan.threads()) {
                Optional<Measurement> pass = median(ProcessorBench.PASS_THROUGH, corpus, threads);
                Optional<Measurement> topology = median(ProcessorBench.TOPOLOGY, corpus, threads);
                if (pass.isEmpty() || topology.isEmpty()) {
                    continue;
                }
                List<Double> roundRatios = roundRatios(corpus, threads);
                double ratio = median(roundRatios);
                out.printf(Locale.ROOT, "  %-18s %d thr  pass-through %7.2f s %,9.0f ev/s %5.0f cpu-us/ev | topology %7.2f s "
                        + "%,9.0f ev/s %5.0f cpu-us/ev | ratio %.2f %s (goal %s)%n", corpus, threads, pass.get().seconds(),
                        pass.get().eventsPerSecond(), pass.get().cpuMicrosPerEvent(), topology.get().seconds(),
                        topology.get().eventsPerSecond(), topology.get().cpuMicrosPerEvent(), ratio, format(roundRatios),
                        ratio >= TOPOLOGY_GOAL ? "met" : "NOT met");
                ObjectNode node = comparisons.addObject();
                node.put("corpus", corpus).put("threads", threads);
                node.set("passThrough", json(pass.get()));
                node.set("topology", json(topology.get()));
                node.put("ratio", ratio);
                roundRatios.forEach(node.putArray("roundRatios")::add);
            }
        }
        ceilings();
        out.println("JSON: " + document);
        out.flush();
    }

    /** Writes the JSON document to {@code file}. */
    public void writeJson(Path file) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
    }

    private void ceilings() {
        if (!plan.replayRounds()) {
            return;
        }
        int replayThreads = plan.threads().contains(REPLAY_THREADS) ? REPLAY_THREADS : plan.threads().get(plan.threads().size() - 1);
        out.println("replay against Kafka's ceiling (median publish + median pass-through at " + replayThreads
                + " threads; goal <= " + REPLAY_GOAL + "x):");
        ArrayNode ceilings = document.putArray("ceilings");
        for (String corpus : corpora()) {
            Optional<Measurement> publish = median(ProcessorBench.PUBLISH, corpus, 0);
            Optional<Measurement> pass = median(ProcessorBench.PASS_THROUGH, corpus, replayThreads);
            Optional<Measurement> replay = median(ProcessorBench.REPLAY, corpus, 0);
            if (publish.isEmpty() || pass.isEmpty() || replay.isEmpty()) {
                continue;
            }
            double ceiling = publish.get().seconds() + pass.get().seconds();
            double ratio = replay.get().seconds() / ceiling;
            out.printf(Locale.ROOT, "  %-18s publish %.2f s + pass-through %.2f s = ceiling %.2f s | replay pipeline %.2f s "
                    + "(cpu %.1f s) | replay / ceiling %.2fx %s%n", corpus, publish.get().seconds(), pass.get().seconds(), ceiling,
                    replay.get().seconds(), replay.get().cpuSeconds(), ratio, ratio <= REPLAY_GOAL ? "met" : "NOT met");
            ceilings.addObject().put("corpus", corpus).put("publishSeconds", publish.get().seconds())
                    .put("passThroughSeconds", pass.get().seconds()).put("ceilingSeconds", ceiling)
                    .put("replaySeconds", replay.get().seconds()).put("replayCpuSeconds", replay.get().cpuSeconds())
                    .put("ratio", ratio);
        }
    }

    private List<String> corpora() {
        return runs.stream().map(Measurement::corpus).distinct().toList();
    }

    /** pass-through time / topology time of the same round: the topology's rate as a fraction of Kafka's. */
    private List<Double> roundRatios(String corpus, int threads) {
        Map<Integer, Measurement> pass = new LinkedHashMap<>();
        Map<Integer, Measurement> topology = new LinkedHashMap<>();
        for (Measurement run : runs) {
            if (run.corpus().equals(corpus) && run.threads() == threads) {
                (run.contender().equals(ProcessorBench.PASS_THROUGH) ? pass : topology).put(run.round(), run);
            }
        }
        List<Double> ratios = new ArrayList<>();
        pass.forEach((round, p) -> {
            Measurement t = topology.get(round);
            if (t != null) {
                ratios.add(p.seconds() / t.seconds());
            }
        });
        return ratios;
    }

    /** The run of median duration (the lower middle for an even count), so its figures belong to one real run. */
    private Optional<Measurement> median(String contender, String corpus, int threads) {
        List<Measurement> matching = runs.stream()
                .filter(r -> r.contender().equals(contender) && r.corpus().equals(corpus) && r.threads() == threads)
                .sorted(Comparator.comparing(Measurement::elapsed)).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get((matching.size() - 1) / 2));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> ratios) {
        return ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList().toString();
    }

    private static ObjectNode json(Measurement run) {
        return JSON.createObjectNode().put("contender", run.contender()).put("corpus", run.corpus()).put("round", run.round())
                .put("threads", run.threads()).put("seconds", run.seconds()).put("startupSeconds", run.startup().toNanos() / 1e9)
                .put("eventsPerSecond", run.eventsPerSecond()).put("megabytesPerSecond", run.megabytesPerSecond())
                .put("cpuSeconds", run.cpuSeconds()).put("cpuMicrosPerEvent", run.cpuMicrosPerEvent())
                .put("events", run.events()).put("bytes", run.bytes());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
