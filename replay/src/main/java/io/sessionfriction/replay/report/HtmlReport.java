package io.sessionfriction.replay.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.alert.FrictionAlert;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG, no script, nothing fetched,
 * so it opens from a mail attachment or an air-gapped share the same as from disk.
 */
final class HtmlReport {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1140px;color:#222;background:#fff}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:34px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
            .sub{color:#666;margin:0 0 18px}.cards{display:flex;gap:12px;flex-wrap:wrap}
            .card{border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:140px}
            .card b{display:block;font-size:24px}.card span{color:#666;font-size:13px}
            svg{display:block;max-width:100%;height:auto}svg text{font-size:12px;fill:#333}
            svg text.tick{fill:#777;font-size:11px}svg text.value{fill:#555}
            table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eee;padding:5px 6px;text-align:left;vertical-align:top}
            th{background:#f6f6f6}.impact{font-weight:600;text-transform:uppercase;font-size:11px;padding:2px 6px;border-radius:3px;color:#fff}
            .impact-high{background:#d62728}.impact-medium{background:#ff7f0e}.impact-low{background:#7f9fbf}
            code{font-size:12px;background:#f4f4f4;padding:1px 3px;border-radius:3px;word-break:break-all}
            .empty{color:#777;font-style:italic}.when{white-space:nowrap}
            """;

    private HtmlReport() {
    }

    static String render(ReplayData data, List<FrictionPoint> points, DraftPolicy policy) {
        List<String> categories = List.copyOf(new TreeSet<>(data.alerts().stream()
                .map(a -> String.valueOf(a.category())).toList()));
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Session friction report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Session friction report</h1>\n<p class=\"sub\">Replayed selection: <code>")
                .append(Svg.escape(data.selection())).append("</code></p>\n");
        cards(html, data, points);
        html.append("<h2>Top friction points</h2>\n").append(Charts.topFrictionPoints(points));
        html.append("<h2>Active versus wall-clock time per session</h2>\n")
                .append("<p class=\"sub\">Active time sums the session's blocks (a pause over the inactivity gap ends a block); "
                        + "wall clock runs from the first to the last event. Log scale; at most the "
                        + Charts.MAX_ROWS + " sessions with the longest wall clock.</p>\n")
                .append(Charts.activeVersusWallClock(data.activity()));
        html.append("<h2>Alerts per category over time</h2>\n").append(Charts.alertsPerCategoryOverTime(data.alerts(), categories));
        html.append("<h2>Command durations</h2>\n")
                .append("<p class=\"sub\">The longest Bash commands by the time they ran: from the start their progress "
                        + "lines date (without progress, a command ran at most about 2 s) to their result. The wait before "
                        + "a command started, for approval or for a hook, is not in it: it is in the next figure.</p>\n")
                .append(Charts.commandDurations(data.commands()));
        html.append("<h2>Time lost waiting</h2>\n")
                .append("<p class=\"sub\">Per user and tool: the time tool calls waited for approval or for a hook "
                        + "before they started, and the time the agent waited on a background task (the waiting rules' "
                        + "time lost, each known when the call's result or the next event arrived).</p>\n")
                .append(Charts.timeLostWaiting(data.alerts()));
        pointsTable(html, points, policy);
        rulesTable(html, FrictionPoints.byRule(points));
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void cards(StringBuilder html, ReplayData data, List<FrictionPoint> points) {
        double active = data.activity().stream().mapToDouble(SessionActivity::totalActiveSeconds).sum();
        double wall = data.activity().stream().mapToDouble(SessionActivity::wallClockSeconds).sum();
        long users = data.sessions().stream().map(ReplayData.Session::user).distinct().count();
        long high = points.stream().filter(p -> p.impact() == Impact.HIGH).count();
        long drafted = points.stream().filter(p -> p.draft() != null).count();
        double waited = data.alerts().stream().filter(Charts::isWait).mapToDouble(FrictionAlert::secondsLost).sum();
        html.append("<div class=\"cards\">\n");
        card(html, String.valueOf(data.sessions().size()), "sessions of " + users + " user(s)");
        card(html, Svg.duration(active), "active, of " + Svg.duration(wall) + " wall clock");
        card(html, String.valueOf(data.alerts().size()), "alerts");
        card(html, String.valueOf(points.size()), "friction points, " + high + " high impact");
        card(html, String.valueOf(drafted), "drafted as issues");
        card(html, Svg.duration(waited), "lost waiting (approval, hooks, background tasks)");
        card(html, String.valueOf(data.commands().size()), "Bash commands tracked");
        if (data.lateEvents() > 0) {
            card(html, String.valueOf(data.lateEvents()), "events refused as too late: figures are incomplete");
        }
        html.append("</div>\n");
    }

    private static void card(StringBuilder html, String figure, String what) {
        html.append("<div class=\"card\"><b>").append(Svg.escape(figure)).append("</b><span>")
                .append(Svg.escape(what)).append("</span></div>\n");
    }

    private static void pointsTable(StringBuilder html, List<FrictionPoint> points, DraftPolicy policy) {
        long drafted = points.stream().filter(p -> p.draft() != null).count();
        html.append("<h2>Friction points</h2>\n<p class=\"sub\">").append(drafted).append(" of ").append(points.size())
                .append(" drafted as issues: those ").append(Svg.escape(policy.describe()))
                .append(". The others are listed here only.</p>\n<table>\n<tr><th>#</th><th>impact</th><th>friction point</th>"
                        + "<th>sessions</th><th>users</th><th>occurrences</th><th>time lost</th><th>first seen (UTC)</th>"
                        + "<th>last seen (UTC)</th></tr>\n");
        int rank = 1;
        for (FrictionPoint p : points) {
            String draft = p.draft() == null ? "<span class=\"empty\">not drafted</span>"
                    : "<a href=\"issues/" + Svg.escape(p.draft()) + "\">draft</a>";
            html.append(String.format(Locale.ROOT, "<tr><td>%d</td><td><span class=\"impact impact-%s\">%s</span></td>"
                            + "<td>%s%s<br>%s</td><td>%d</td><td>%s</td><td>%d</td><td>%s</td><td class=\"when\">%s</td><td class=\"when\">%s</td></tr>\n",
                    rank++, p.impact().label(), p.impact().label(), Svg.escape(p.title()), latestEvidence(p), draft,
                    p.sessions().size(), Svg.escape(String.join(", ", p.users())), p.occurrences(),
                    p.secondsLost() > 0 ? Svg.duration(p.secondsLost()) : "", when(p.firstSeen()), when(p.lastSeen())));
        }
        html.append("</table>\n");
    }

    /** {@code 2026-02-10 13:00:39} (UTC, to the second): short enough to stay on one line. */
    private static String when(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", "");
    }

    private static String latestEvidence(FrictionPoint point) {
        if (point.evidence().isEmpty()) {
            return "";
        }
        FrictionPoint.Excerpt last = point.evidence().get(point.evidence().size() - 1);
        return "<br><code>" + Svg.escape(Svg.clip(last.text(), 160)) + "</code>";
    }

    private static void rulesTable(StringBuilder html, List<FrictionPoints.RuleSpread> spread) {
        html.append("<h2>Rules across sessions</h2>\n<table>\n<tr><th>rule</th><th>friction points</th>"
                + "<th>sessions</th><th>users</th></tr>\n");
        for (FrictionPoints.RuleSpread rule : spread) {
            html.append(String.format(Locale.ROOT, "<tr><td><code>%s</code></td><td>%d</td><td>%d</td><td>%s</td></tr>\n",
                    Svg.escape(rule.rule()), rule.points(), rule.sessions().size(), Svg.escape(String.join(", ", rule.users()))));
        }
        html.append("</table>\n");
    }
}
