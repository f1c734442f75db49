package io.sessionfriction.replay.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.progress.CommandProgress;
import io.sessionfriction.processor.progress.Outcome;

/** The report's five charts, drawn as inline SVG from the replay's data. */
final class Charts {

    static final int WIDTH = 1100;
    private static final int LABEL_W = 300;
    private static final int VALUE_W = 200;
    private static final int LABEL_CHARS = 40;
    private static final int LEGEND_ROW = 18;
    private static final int ROW_H = 22;
    private static final int TOP = 34;
    static final int MAX_ROWS = 40;
    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b"};
    private static final Map<Impact, String> IMPACT_COLORS = Map.of(
            Impact.HIGH, "#d62728", Impact.MEDIUM, "#ff7f0e", Impact.LOW, "#7f9fbf");
    private static final Map<String, String> OUTCOME_COLORS = Map.of(
            "OK", "#59a14f", "ERROR", "#e15759", "INTERRUPTED", "#edc948", "BACKGROUNDED", "#b07aa1", "RUNNING", "#bab0ac");

    private Charts() {
    }

    /** Per session, on a log scale: wall clock (first to last event) behind the time actually active. */
    static String activeVersusWallClock(List<SessionActivity> activity) {
        List<SessionActivity> sessions = new ArrayList<>(activity);
        sessions.sort(Comparator.comparing((SessionActivity a) -> -a.wallClockSeconds())
                .thenComparing(a -> String.valueOf(a.sessionKey())));
        List<SessionActivity> shown = sessions.subList(0, Math.min(MAX_ROWS, sessions.size()));
        double max = shown.stream().mapToDouble(SessionActivity::wallClockSeconds).max().orElse(60);
        double top = Math.log10(Math.max(600, max) * 1.1);
        int plot = WIDTH - LABEL_W - VALUE_W;
        Svg svg = new Svg(WIDTH, TOP + shown.size() * ROW_H + 30, shown.size() < sessions.size()
                ? "Active versus wall-clock time: the " + shown.size() + " longest of " + sessions.size() + " sessions (log scale)"
                : "Active versus wall-clock time per session (log scale)");
        long[] ticks = {1, 60, 600, 3600, 21600, 86400, 604800};
        String[] tickNames = {"1 s", "1 min", "10 min", "1 h", "6 h", "1 d", "1 w"};
        for (int i = 0; i < ticks.length; i++) {
            double x = LABEL_W + Math.log10(ticks[i]) / top * plot;
            if (x <= LABEL_W + plot) {
                svg.line(x, TOP - 6, x, TOP + shown.size() * ROW_H, "#ddd").text(x, TOP - 10, tickNames[i], "middle", "tick");
            }
        }
        int row = 0;
        for (SessionActivity a : shown) {
            double y = TOP + row++ * ROW_H;
            double wall = a.wallClockSeconds();
            double active = a.totalActiveSeconds();
            String name = a.user() + " · " + IssueDraft.shortId(String.valueOf(a.sessionKey()));
            svg.text(LABEL_W - 8, y + 15, name, "end", "label");
            svg.rect(LABEL_W, y + 3, scaleLog(wall, top, plot), ROW_H - 6, "#cfd8e3", name + ": wall clock " + Svg.duration(wall));
            svg.rect(LABEL_W, y + 7, scaleLog(active, top, plot), ROW_H - 14, "#1f5fa8", name + ": active " + Svg.duration(active));
            svg.text(LABEL_W + plot + 8, y + 15, String.format(Locale.ROOT, "%s of %s (%d %s)",
                    Svg.duration(active), Svg.duration(wall), a.blocks().size(),
                    a.blocks().size() == 1 ? "block" : "blocks"), "start", "value");
        }
        return legend(svg, LABEL_W, TOP + shown.size() * ROW_H + 20, new String[] {"wall clock", "active"},
                new String[] {"#cfd8e3", "#1f5fa8"}).end();
    }

    private static double scaleLog(double seconds, double top, int plot) {
        return seconds < 1 ? 2 : Math.max(2, Math.log10(seconds) / top * plot);
    }

    /** Alerts stacked by category per UTC day of their first kept evidence (per week beyond 60 days). */
    static String alertsPerCategoryOverTime(List<FrictionAlert> alerts, List<String> categories) {
        TreeMap<LocalDate, Map<String, Integer>> byDay = new TreeMap<>();
        for (FrictionAlert alert : alerts) {
            Instant at = firstTime(alert);
            if (at != null) {
                byDay.computeIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC), d -> new TreeMap<>())
                        .merge(String.valueOf(alert.category()), 1, Integer::sum);
            }
        }
        if (byDay.isEmpty()) {
            return "<p class=\"empty\">No alerts.</p>\n";
        }
        LocalDate from = byDay.firstKey();
        LocalDate to = byDay.lastKey();
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        int step = days > 60 ? 7 : 1;
        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(step)) {
            buckets.add(d);
        }
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (LocalDate bucket : buckets) {
            Map<String, Integer> sum = new TreeMap<>();
            byDay.subMap(bucket, bucket.plusDays(step)).values()
                    .forEach(m -> m.forEach((c, n) -> sum.merge(c, n, Integer::sum)));
            counts.add(sum);
        }
        int highest = counts.stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).max().orElse(1);
        int maxTotal = (highest + 3) / 4 * 4; // four whole-numbered grid steps
        int height = 260;
        int left = 50;
        int plotW = WIDTH - left - 20;
        double barW = Math.min(120, plotW / (double) buckets.size());
        String[] names = categories.toArray(String[]::new);
        Svg svg = new Svg(WIDTH, TOP + height + 70 + (legendRows(left, names) - 1) * LEGEND_ROW, "Alerts per category over time");
        for (int g = 0; g <= 4; g++) {
            double y = TOP + height - g * height / 4.0;
            svg.line(left, y, left + plotW, y, "#e5e5e5")
                    .text(left - 6, y + 4, String.valueOf(maxTotal * g / 4), "end", "tick");
        }
        for (int i = 0; i < buckets.size(); i++) {
            double x = left + i * barW;
            double y = TOP + height;
            for (Map.Entry<String, Integer> entry : counts.get(i).entrySet()) {
                double h = entry.getValue() * (double) height / maxTotal;
                y -= h;
                svg.rect(x + 2, y, barW - 4, h, color(categories, entry.getKey()),
                        buckets.get(i) + " " + entry.getKey() + ": " + entry.getValue());
            }
            if (buckets.size() <= 31 || i % Math.max(1, buckets.size() / 15) == 0) {
                svg.text(x + barW / 2, TOP + height + 16, buckets.get(i).toString().substring(5), "middle", "tick");
            }
        }
        String[] colors = categories.stream().map(c -> color(categories, c)).toArray(String[]::new);
        return legend(svg, left, TOP + height + 44, names, colors).end();
    }

    private static Instant firstTime(FrictionAlert alert) {
        List<FrictionAlert.Evidence> evidence = alert.evidence();
        return evidence != null && !evidence.isEmpty() ? evidence.get(0).timestamp() : alert.timestamp();
    }

    /** The most harmful friction points, by occurrences, coloured by impact. */
    static String topFrictionPoints(List<FrictionPoint> points) {
        List<FrictionPoint> shown = points.subList(0, Math.min(15, points.size()));
        if (shown.isEmpty()) {
            return "<p class=\"empty\">No friction points.</p>\n";
        }
        long max = shown.stream().mapToLong(FrictionPoint::occurrences).max().orElse(1);
        int plot = WIDTH - LABEL_W - VALUE_W;
        Svg svg = new Svg(WIDTH, TOP + shown.size() * ROW_H + 30, "Top friction points");
        int row = 0;
        for (FrictionPoint p : shown) {
            double y = TOP + row++ * ROW_H;
            String name = p.rule() + (p.fingerprint().equals(p.rule()) ? "" : ": " + p.fingerprint());
            svg.text(LABEL_W - 8, y + 15, Svg.clip(name, LABEL_CHARS), "end", "label");
            svg.rect(LABEL_W, y + 3, Math.max(2, p.occurrences() * (double) plot / max), ROW_H - 6,
                    IMPACT_COLORS.get(p.impact()), p.title() + " (" + p.impact().label() + ")");
            svg.text(LABEL_W + plot + 8, y + 15, String.format(Locale.ROOT, "%d× · %d session(s) · %s",
                    p.occurrences(), p.sessions().size(),
                    p.users().size() <= 2 ? String.join(", ", p.users()) : p.users().size() + " users"), "start", "value");
        }
        return legend(svg, LABEL_W, TOP + shown.size() * ROW_H + 20, new String[] {"high impact", "medium", "low"},
                new String[] {IMPACT_COLORS.get(Impact.HIGH), IMPACT_COLORS.get(Impact.MEDIUM), IMPACT_COLORS.get(Impact.LOW)}).end();
    }

    /** The longest Bash commands by the time they ran; a wait before one started is named beside it, never drawn. */
    static String commandDurations(List<CommandProgress> commands) {
        List<CommandProgress> sorted = new ArrayList<>(commands);
        sorted.sort(Comparator.comparing((CommandProgress c) -> -commandSeconds(c))
                .thenComparing(c -> CommandProgress.key(c.sessionKey(), c.toolUseId())));
        List<CommandProgress> shown = sorted.subList(0, Math.min(20, sorted.size()));
        if (shown.isEmpty()) {
            return "<p class=\"empty\">No Bash commands.</p>\n";
        }
        double max = Math.max(1, commandSeconds(shown.get(0)));
        int plot = WIDTH - LABEL_W - VALUE_W;
        Svg svg = new Svg(WIDTH, TOP + shown.size() * ROW_H + 30, "Command durations");
        int row = 0;
        for (CommandProgress c : shown) {
            double y = TOP + row++ * ROW_H;
            double seconds = commandSeconds(c);
            String outcome = (c.outcome() == null ? Outcome.RUNNING : c.outcome()).name();
            String command = c.command() == null ? "(command not seen)" : c.command();
            svg.text(LABEL_W - 8, y + 15, Svg.clip(command, LABEL_CHARS), "end", "label");
            svg.rect(LABEL_W, y + 3, Math.max(2, seconds * plot / max), ROW_H - 6,
                    OUTCOME_COLORS.getOrDefault(outcome, "#999"), command + " — " + outcome);
            double waited = c.waitedSeconds() == null ? 0 : c.waitedSeconds();
            svg.text(LABEL_W + plot + 8, y + 15, String.format(Locale.ROOT, "%s · %s · %s%s", Svg.duration(seconds),
                    outcome.toLowerCase(Locale.ROOT), c.user(), waited >= 1 ? " · waited " + Svg.duration(waited) : ""),
                    "start", "value");
        }
        String[] outcomes = {"OK", "ERROR", "INTERRUPTED", "BACKGROUNDED", "RUNNING"};
        String[] colors = Arrays.stream(outcomes).map(OUTCOME_COLORS::get).toArray(String[]::new);
        String[] names = Arrays.stream(outcomes).map(o -> o.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        return legend(svg, LABEL_W, TOP + shown.size() * ROW_H + 20, names, colors).end();
    }

    /**
     * The time a command ran: {@code ranSeconds} once its result came; while it runs, the elapsed time its
     * progress reports. Never its call's whole span, which holds the wait for approval before it started.
     */
    static double commandSeconds(CommandProgress command) {
        if (command.ranSeconds() != null) {
            return command.ranSeconds();
        }
        return command.maxElapsedSeconds() == null ? 0 : command.maxElapsedSeconds();
    }

    /** An alert whose rule measures time lost (the waits): its seconds belong in the waiting figure. */
    static boolean isWait(FrictionAlert alert) {
        return alert.secondsLost() > 0;
    }

    /** Time lost waiting per user, rule and fingerprint (a tool, a hook's command, a background task's program). */
    static String timeLostWaiting(List<FrictionAlert> alerts) {
        Map<List<String>, Double> lost = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        for (FrictionAlert alert : alerts) {
            if (isWait(alert)) {
                lost.merge(List.of(String.valueOf(alert.user()), String.valueOf(alert.rule()), String.valueOf(alert.fingerprint())),
                        alert.secondsLost(), Double::sum);
            }
        }
        if (lost.isEmpty()) {
            return "<p class=\"empty\">No time lost waiting.</p>\n";
        }
        List<Map.Entry<List<String>, Double>> sorted = new ArrayList<>(lost.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<List<String>, Double> e) -> -e.getValue()));
        List<Map.Entry<List<String>, Double>> shown = sorted.subList(0, Math.min(20, sorted.size()));
        List<String> rules = List.copyOf(new TreeSet<>(lost.keySet().stream().map(k -> k.get(1)).toList()));
        double max = Math.max(1, shown.get(0).getValue());
        int plot = WIDTH - LABEL_W - VALUE_W;
        Svg svg = new Svg(WIDTH, TOP + shown.size() * ROW_H + 30, "Time lost waiting");
        int row = 0;
        for (Map.Entry<List<String>, Double> entry : shown) {
            double y = TOP + row++ * ROW_H;
            String user = entry.getKey().get(0);
            String rule = entry.getKey().get(1);
            String name = user + " · " + entry.getKey().get(2);
            svg.text(LABEL_W - 8, y + 15, Svg.clip(name, LABEL_CHARS), "end", "label");
            svg.rect(LABEL_W, y + 3, Math.max(2, entry.getValue() * plot / max), ROW_H - 6, color(rules, rule),
                    name + " — " + rule + ": " + Svg.duration(entry.getValue()));
            svg.text(LABEL_W + plot + 8, y + 15, Svg.duration(entry.getValue()) + " · " + rule, "start", "value");
        }
        String[] colors = rules.stream().map(r -> color(rules, r)).toArray(String[]::new);
        return legend(svg, LABEL_W, TOP + shown.size() * ROW_H + 20, rules.toArray(String[]::new), colors).end();
    }

    static String color(List<String> categories, String category) {
        int index = categories.indexOf(category);
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** Legend entries left to right from {@code left}, wrapping onto further rows at the chart's edge. */
    private static Svg legend(Svg svg, double left, double y, String[] names, String[] colors) {
        double x = left;
        double row = y;
        for (int i = 0; i < names.length; i++) {
            if (x + legendWidth(names[i]) > WIDTH && x > left) {
                x = left;
                row += LEGEND_ROW;
            }
            svg.rect(x, row - 10, 12, 12, colors[i], names[i]).text(x + 16, row, names[i], "start", "tick");
            x += legendWidth(names[i]);
        }
        return svg;
    }

    private static int legendRows(double left, String[] names) {
        int rows = 1;
        double x = left;
        for (String name : names) {
            if (x + legendWidth(name) > WIDTH && x > left) {
                x = left;
                rows++;
            }
            x += legendWidth(name);
        }
        return rows;
    }

    private static double legendWidth(String name) {
        return 28 + name.length() * 7.0;
    }
}
