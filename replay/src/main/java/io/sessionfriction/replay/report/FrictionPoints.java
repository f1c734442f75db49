package io.sessionfriction.replay.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.rules.Rule;
import io.sessionfriction.processor.rules.RuleCatalogue;

/** Groups the final alerts of many sessions into friction points, most harmful first. */
public final class FrictionPoints {

    static final int EVIDENCE_PER_POINT = 5;
    private static final int EVIDENCE_PER_SESSION = 2;
    private static final int TITLE_CHARS = 90;

    private FrictionPoints() {
    }

    /**
     * One point per (rule, fingerprint), ordered by impact, then by what makes it: sessions, users,
     * severity, time lost, occurrences, and id last. The rule's description and root cause come from the
     * catalogue; a rule it no longer holds keeps its alerts' text.
     */
    public static List<FrictionPoint> group(List<FrictionAlert> alerts, RuleCatalogue catalogue) {
        Map<String, List<FrictionAlert>> byPoint = new TreeMap<>();
        Map<String, TreeSet<String>> sessionsByRule = new TreeMap<>();
        for (FrictionAlert alert : alerts) {
            byPoint.computeIfAbsent(text(alert.rule()) + '\u0000' + text(alert.fingerprint()), k -> new ArrayList<>()).add(alert);
            sessionsByRule.computeIfAbsent(text(alert.rule()), k -> new TreeSet<>()).add(text(alert.sessionId()));
        }
        List<FrictionPoint> points = new ArrayList<>();
        byPoint.values().forEach(group -> points.add(point(group, catalogue, sessionsByRule)));
        points.sort(Comparator.comparing(FrictionPoint::impact)
                .thenComparing(p -> -p.sessions().size())
                .thenComparing(p -> -p.users().size())
                .thenComparing(p -> -Impact.severityScore(p.severity()))
                .thenComparing(p -> -p.secondsLost())
                .thenComparing(p -> -p.occurrences())
                .thenComparing(FrictionPoint::id));
        return List.copyOf(points);
    }

    private static FrictionPoint point(List<FrictionAlert> alerts, RuleCatalogue catalogue,
            Map<String, TreeSet<String>> sessionsByRule) {
        alerts.sort(Comparator.comparing((FrictionAlert a) -> text(a.sessionId())).thenComparing(a -> text(a.alertId())));
        FrictionAlert any = alerts.get(0);
        String ruleId = text(any.rule());
        String fingerprint = text(any.fingerprint());
        Optional<Rule> rule = catalogue.rule(ruleId);
        TreeSet<String> sessions = new TreeSet<>();
        TreeSet<String> users = new TreeSet<>();
        TreeSet<String> labels = new TreeSet<>();
        List<String> alertIds = new ArrayList<>();
        long occurrences = 0;
        double secondsLost = 0;
        Map<String, Long> perSession = new TreeMap<>();
        Instant first = null;
        Instant last = null;
        List<FrictionPoint.Excerpt> evidence = new ArrayList<>();
        for (FrictionAlert alert : alerts) {
            sessions.add(text(alert.sessionId()));
            users.add(text(alert.user()));
            labels.addAll(listOf(alert.labels()));
            alertIds.add(text(alert.alertId()));
            occurrences += alert.count();
            secondsLost += alert.secondsLost();
            perSession.merge(text(alert.sessionId()), alert.count(), Long::sum);
            last = later(last, alert.timestamp());
            List<FrictionAlert.Evidence> kept = listOf(alert.evidence());
            for (FrictionAlert.Evidence e : kept) {
                first = earlier(first, e.timestamp());
                last = later(last, e.timestamp());
            }
            first = earlier(first, alert.timestamp());
            kept.stream().skip(Math.max(0, kept.size() - EVIDENCE_PER_SESSION)).forEach(e -> evidence.add(
                    new FrictionPoint.Excerpt(text(alert.sessionId()), text(alert.user()), text(e.uuid()),
                            e.timestamp(), text(e.excerpt()))));
        }
        rule.ifPresent(r -> labels.addAll(r.labels()));
        evidence.sort(Comparator.comparing(FrictionPoint.Excerpt::timestamp, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(FrictionPoint.Excerpt::uuid));
        FrictionAlert.Context context = any.context();
        TreeSet<String> related = new TreeSet<>(sessionsByRule.getOrDefault(ruleId, new TreeSet<>()));
        related.removeAll(sessions);
        String severity = any.severity() == null ? "" : any.severity().label();
        return new FrictionPoint(id(ruleId, fingerprint), title(ruleId, fingerprint), ruleId, text(any.category()),
                severity, Impact.of(severity, sessions.size(), users.size(), occurrences, secondsLost), fingerprint,
                rule.map(Rule::description).orElse("(rule " + ruleId + " is not in the catalogue)"),
                rule.map(Rule::rootCause).orElse("(rule " + ruleId + " is not in the catalogue)"),
                List.copyOf(sessions), List.copyOf(users), occurrences,
                perSession.values().stream().mapToLong(Long::longValue).max().orElse(0),
                Math.round(secondsLost * 1000) / 1000.0, first, last,
                List.copyOf(evidence.subList(0, Math.min(EVIDENCE_PER_POINT, evidence.size()))),
                context == null ? null : context.command(), context == null ? null : context.description(),
                List.copyOf(related), List.copyOf(labels), List.copyOf(alertIds), null);
    }

    static String id(String rule, String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((rule + '\u0000' + fingerprint).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String title(String rule, String fingerprint) {
        String what = subject(rule, fingerprint);
        return "Friction point: " + rule + (what.isEmpty() ? "" : " on `" + what.replace("`", "'") + "`");
    }

    /** What a friction point is about, on one line, clipped for a title ("" when the rule is all there is). */
    static String subject(String rule, String fingerprint) {
        String what = fingerprint.equals(rule) ? "" : fingerprint.replaceAll("\\s+", " ").strip();
        return what.length() > TITLE_CHARS ? what.substring(0, TITLE_CHARS - 1) + "…" : what;
    }

    /** A field an alert lacks reads as empty: a replay.json written by hand or by an older version may lack one. */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isBefore(a) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    /** Per rule: the sessions and users it struck in, whatever the fingerprint. */
    public record RuleSpread(String rule, List<String> sessions, List<String> users, int points) {
    }

    public static List<RuleSpread> byRule(List<FrictionPoint> points) {
        Map<String, List<FrictionPoint>> grouped = new TreeMap<>();
        points.forEach(p -> grouped.computeIfAbsent(p.rule(), k -> new ArrayList<>()).add(p));
        List<RuleSpread> spread = new ArrayList<>();
        grouped.forEach((rule, ps) -> spread.add(new RuleSpread(rule,
                ps.stream().flatMap(p -> p.sessions().stream()).distinct().sorted().toList(),
                ps.stream().flatMap(p -> p.users().stream()).distinct().sorted().toList(), ps.size())));
        return List.copyOf(spread);
    }
}
