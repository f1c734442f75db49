package io.sessionfriction.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.rules.RuleCatalogue;

/**
 * Scores a rule catalogue against a labelled set: each session of the sessions root goes through the
 * real topology ({@link TopologyRun}), and its alerts are compared with the labels of its lines.
 *
 * <ul>
 *   <li>An alert is true when the line that raised it (its first occurrence) is marked friction;
 *       precision of a rule = true alerts / alerts.</li>
 *   <li>A friction line is alerted when any occurrence of any alert is on it; a rule's recall = the
 *       friction of the kinds it reports ({@link FrictionKinds}) that it alerted on / that friction.</li>
 * </ul>
 * Lines are compared by anchor ({@link LineAnchors}): the lines of one tool call are one. To see every
 * occurrence, the catalogue is run re-emitting at every count; which alerts exist does not depend on that.
 */
public final class Evaluation {

    /** Occurrences one alert may have before the evaluation can no longer see each (far beyond any real session). */
    static final int MAX_COUNT = 10_000;

    private Evaluation() {
    }

    /** Told after each session is scored, so a long evaluation can show how far it is. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (done, total) -> { };

        void scored(int sessionsDone, int sessions);
    }

    public static Scores score(Path sessionsRoot, Labels labels, RuleCatalogue catalogue, FrictionKinds kinds) {
        return score(sessionsRoot, labels, catalogue, kinds, Listener.NONE);
    }

    public static Scores score(Path sessionsRoot, Labels labels, RuleCatalogue catalogue, FrictionKinds kinds,
            Listener listener) {
        if (!Files.isDirectory(sessionsRoot)) {
            throw new IllegalArgumentException(sessionsRoot + " is not a directory of transcripts");
        }
        RuleCatalogue everyCount = catalogue.emittingAt(IntStream.rangeClosed(1, MAX_COUNT).boxed().toList());
        List<SessionTranscripts> sessions = SessionTranscripts.under(sessionsRoot);
        Labelled labelled = Labelled.of(labels, sessions);
        List<Alert> alerts = new ArrayList<>();
        int done = 0;
        for (SessionTranscripts session : sessions) {
            LineAnchors anchors = LineAnchors.of(session);
            Map<String, Alert> byId = new LinkedHashMap<>();
            for (FrictionAlert record : TopologyRun.alerts(session, everyCount)) {
                if (record.count() > MAX_COUNT) {
                    throw new IllegalStateException("alert " + record.alertId() + " counts " + record.count() + " occurrences, more than "
                            + MAX_COUNT + ": the evaluation cannot see each");
                }
                FrictionAlert.Evidence newest = record.evidence().get(record.evidence().size() - 1);
                Optional<LineAnchors.Place> place = anchors.place(newest.uuid());
                byId.computeIfAbsent(record.alertId(), id -> new Alert(record.rule(), new ArrayList<>(), newest.excerpt()));
                place.ifPresent(p -> byId.get(record.alertId()).occurrences().add(p));
            }
            alerts.addAll(byId.values());
            listener.scored(++done, sessions.size());
        }
        return tally(alerts, labelled, catalogue, kinds);
    }

    /** One alert of the run: its rule, the places of its occurrences (first = the line that raised it), its first excerpt. */
    private record Alert(String rule, List<LineAnchors.Place> occurrences, String excerpt) {
    }

    private static Scores tally(List<Alert> alerts, Labelled labelled, RuleCatalogue catalogue, FrictionKinds kinds) {
        List<Scores.Finding> falseAlerts = new ArrayList<>();
        Map<String, Set<String>> alertedBy = new HashMap<>();
        Map<String, int[]> perRule = new LinkedHashMap<>();
        catalogue.rules().forEach(rule -> perRule.put(rule.id(), new int[2]));
        for (Alert alert : alerts) {
            int[] counts = perRule.computeIfAbsent(alert.rule(), r -> new int[2]);
            counts[0]++;
            Optional<LineAnchors.Place> raisedOn = alert.occurrences().stream().findFirst();
            if (raisedOn.isPresent() && labelled.friction(raisedOn.get().anchor()).isPresent()) {
                counts[1]++;
            } else {
                String why = raisedOn.flatMap(p -> labelled.notFriction(p.anchor())).map(l -> " [" + l.kind() + ": " + l.why() + "]").orElse("");
                falseAlerts.add(new Scores.Finding(raisedOn.map(LineAnchors.Place::file).orElse("?"),
                        raisedOn.map(LineAnchors.Place::line).orElse(0L), alert.rule(), alert.excerpt() + why));
            }
            alert.occurrences().forEach(p -> alertedBy.computeIfAbsent(p.anchor(), a -> new TreeSet<>()).add(alert.rule()));
        }
        List<Scores.RuleScore> rules = new ArrayList<>();
        perRule.forEach((rule, counts) -> {
            List<String> ruleKinds = kinds.kindsOf(rule);
            Set<String> spots = labelled.spots(ruleKinds);
            int alerted = (int) spots.stream().filter(spot -> alertedBy.getOrDefault(Labelled.anchorOf(spot), Set.of()).contains(rule)).count();
            rules.add(new Scores.RuleScore(rule, counts[0], counts[1], ruleKinds, spots.size(), alerted));
        });
        List<Scores.KindScore> kindScores = new ArrayList<>();
        List<Scores.Finding> missed = new ArrayList<>();
        for (String kind : kinds.frictionKinds()) {
            Set<String> spots = labelled.spots(List.of(kind));
            Set<String> by = new TreeSet<>();
            int alerted = 0;
            for (String spot : spots) {
                Set<String> rulesThere = alertedBy.getOrDefault(Labelled.anchorOf(spot), Set.of());
                if (rulesThere.isEmpty()) {
                    Label label = labelled.label(spot);
                    missed.add(new Scores.Finding(label.file(), label.line(), kind, label.why()));
                } else {
                    alerted++;
                    by.addAll(rulesThere);
                }
            }
            kindScores.add(new Scores.KindScore(kind, spots.size(), alerted, List.copyOf(by)));
        }
        Comparator<Scores.Finding> byPlace = Comparator.comparing(Scores.Finding::file).thenComparingLong(Scores.Finding::line);
        falseAlerts.sort(byPlace);
        missed.sort(byPlace);
        return new Scores(rules, kindScores, falseAlerts, missed);
    }

    /** The labels placed on anchors; a label naming a line that is not there is an error, not a silent miss. */
    private static final class Labelled {

        private final Map<String, Label> frictionByAnchor = new HashMap<>();
        private final Map<String, Label> notByAnchor = new HashMap<>();
        /** Friction spots: anchor + kind, the unit of recall (one call labelled on three lines is one). */
        private final Map<String, Label> spots = new LinkedHashMap<>();

        static Labelled of(Labels labels, List<SessionTranscripts> sessions) {
            Labelled labelled = new Labelled();
            Map<String, SessionTranscripts> sessionOfFile = new HashMap<>();
            sessions.forEach(s -> s.files().forEach(f -> sessionOfFile.put(f.relativePath(), s)));
            Map<SessionTranscripts, LineAnchors> anchors = new HashMap<>();
            List<String> problems = new ArrayList<>();
            for (Label label : labels.all()) {
                SessionTranscripts session = sessionOfFile.get(label.file());
                if (session == null) {
                    problems.add(label.file() + ": no such transcript under the sessions root");
                    continue;
                }
                Optional<LineAnchors.Place> place = anchors.computeIfAbsent(session, LineAnchors::of).place(label.uuid());
                if (place.isEmpty() || !place.get().file().equals(label.file()) || place.get().line() != label.line()) {
                    problems.add(label.file() + ": uuid " + label.uuid() + " is not at line " + label.line()
                            + place.map(p -> " (it is at " + p.file() + ":" + p.line() + ")").orElse(""));
                    continue;
                }
                String anchor = place.get().anchor();
                if (label.friction()) {
                    labelled.frictionByAnchor.putIfAbsent(anchor, label);
                    labelled.spots.putIfAbsent(anchor + '\u0000' + label.kind(), label);
                } else {
                    labelled.notByAnchor.putIfAbsent(anchor, label);
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("labels that do not match the transcripts:\n  " + String.join("\n  ", problems));
            }
            return labelled;
        }

        Optional<Label> friction(String anchor) {
            return Optional.ofNullable(frictionByAnchor.get(anchor));
        }

        Optional<Label> notFriction(String anchor) {
            return Optional.ofNullable(notByAnchor.get(anchor));
        }

        Set<String> spots(List<String> kinds) {
            Set<String> found = new LinkedHashSet<>();
            spots.forEach((spot, label) -> {
                if (kinds.contains(label.kind())) {
                    found.add(spot);
                }
            });
            return found;
        }

        Label label(String spot) {
            return spots.get(spot);
        }

        static String anchorOf(String spot) {
            return spot.substring(0, spot.indexOf('\u0000'));
        }
    }
}
