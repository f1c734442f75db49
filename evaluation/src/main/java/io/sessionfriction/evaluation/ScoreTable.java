package io.sessionfriction.evaluation;

import java.util.Locale;

/** Scores as text: a table per rule, a table per friction kind, totals, and optionally every false alert and miss. */
public final class ScoreTable {

    private ScoreTable() {
    }

    public static String render(Scores scores, boolean details) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %6s %5s %9s   %-22s %8s %7s %7s%n", "rule", "alerts", "true", "precision",
                "reports kind", "friction", "alerted", "recall"));
        for (Scores.RuleScore rule : scores.rules()) {
            out.append(String.format(Locale.ROOT, "%-22s %6d %5d %9s   %-22s %8d %7d %7s%n", rule.rule(), rule.alerts(), rule.trueAlerts(),
                    percent(rule.trueAlerts(), rule.alerts()), rule.kinds().isEmpty() ? "-" : String.join(",", rule.kinds()),
                    rule.kindFriction(), rule.kindAlerted(), percent(rule.kindAlerted(), rule.kindFriction())));
        }
        out.append(String.format(Locale.ROOT, "%-22s %6d %5d %9s%n%n", "all rules", scores.alerts(), scores.trueAlerts(),
                percent(scores.trueAlerts(), scores.alerts())));
        out.append(String.format(Locale.ROOT, "%-22s %8s %7s %7s   %s%n", "friction kind", "friction", "alerted", "recall", "alerted by"));
        for (Scores.KindScore kind : scores.kinds()) {
            out.append(String.format(Locale.ROOT, "%-22s %8d %7d %7s   %s%n", kind.kind(), kind.friction(), kind.alerted(),
                    percent(kind.alerted(), kind.friction()), String.join(", ", kind.alertedBy())));
        }
        out.append(String.format(Locale.ROOT, "%-22s %8d %7d %7s%n", "all friction", scores.friction(), scores.alerted(),
                percent(scores.alerted(), scores.friction())));
        if (details) {
            out.append(String.format("%nFalse alerts (%d):%n", scores.falseAlerts().size()));
            scores.falseAlerts().forEach(f -> out.append(String.format("  %s:%d  %s  %s%n", f.file(), f.line(), f.what(), f.text())));
            out.append(String.format("%nMissed friction (%d):%n", scores.missed().size()));
            scores.missed().forEach(f -> out.append(String.format("  %s:%d  %s  %s%n", f.file(), f.line(), f.what(), f.text())));
        }
        return out.toString();
    }

    /** A share as a whole percent; "-" when there is nothing to divide. */
    static String percent(int part, int whole) {
        return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
    }
}
