package io.sessionfriction.evaluation;

import java.util.List;

/**
 * How the rules did on a labelled set.
 *
 * @param rules       per rule, in catalogue order
 * @param kinds       per friction kind, in the guide's order
 * @param falseAlerts alerts raised on a line not marked friction, with the label's reason where it says why not
 * @param missed      friction no alert covered
 */
public record Scores(List<RuleScore> rules, List<KindScore> kinds, List<Finding> falseAlerts, List<Finding> missed) {

    public Scores {
        rules = List.copyOf(rules);
        kinds = List.copyOf(kinds);
        falseAlerts = List.copyOf(falseAlerts);
        missed = List.copyOf(missed);
    }

    /**
     * One rule: its alerts and how many were raised on a line marked friction (precision), and of the
     * friction of the kinds it reports, how much it alerted on (recall).
     */
    public record RuleScore(String rule, int alerts, int trueAlerts, List<String> kinds, int kindFriction, int kindAlerted) {

        public RuleScore {
            kinds = List.copyOf(kinds);
        }
    }

    /** One friction kind: how much was labelled, how much got an alert of any rule, and which rules those were. */
    public record KindScore(String kind, int friction, int alerted, List<String> alertedBy) {

        public KindScore {
            alertedBy = List.copyOf(alertedBy);
        }
    }

    /** A line to look at: where it is, what it was (a rule or a kind), and the excerpt or reason. */
    public record Finding(String file, long line, String what, String text) {
    }

    public int alerts() {
        return rules.stream().mapToInt(RuleScore::alerts).sum();
    }

    public int trueAlerts() {
        return rules.stream().mapToInt(RuleScore::trueAlerts).sum();
    }

    public int friction() {
        return kinds.stream().mapToInt(KindScore::friction).sum();
    }

    public int alerted() {
        return kinds.stream().mapToInt(KindScore::alerted).sum();
    }
}
