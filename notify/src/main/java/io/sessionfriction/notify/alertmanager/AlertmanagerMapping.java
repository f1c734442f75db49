package io.sessionfriction.notify.alertmanager;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sessionfriction.processor.alert.FrictionAlert;

/**
 * A friction alert as an Alertmanager alert. Labels say which problem it is, so they hold nothing that
 * changes between emissions of one alert (never its count): an escalation carries the same label set
 * and updates the alert Alertmanager already has. Annotations say what was seen.
 *
 * <p>A friction alert is a moment, not a condition: {@code startsAt} is the event time of the line that
 * raised it (never later than now, for a laptop clock running ahead), {@code endsAt} the resolve window
 * later, so it resolves by itself. An escalation starts later and so ends later: Alertmanager keeps the
 * first start and the later end.
 */
public final class AlertmanagerMapping {

    /** The label names, in the order the docs list them. */
    public static final List<String> LABELS = List.of("alertname", "severity", "user", "session", "category", "fingerprint");

    private static final int SHORT_SESSION = 8;
    private static final int SUMMARY_DETAIL_CHARS = 120;
    private static final int COMMAND_CHARS = 500;

    private final Duration resolveAfter;
    private final Optional<String> linkTemplate;

    public AlertmanagerMapping(Duration resolveAfter, Optional<String> linkTemplate) {
        this.resolveAfter = resolveAfter;
        this.linkTemplate = linkTemplate;
    }

    public PostableAlert map(FrictionAlert alert, Instant now) {
        Instant startsAt = alert.timestamp().isAfter(now) ? now : alert.timestamp();
        String link = linkTemplate.map(template -> link(template, alert)).orElse(null);
        return new PostableAlert(labels(alert), annotations(alert, link), startsAt, startsAt.plus(resolveAfter), link);
    }

    private static Map<String, String> labels(FrictionAlert alert) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alert.rule());
        labels.put("severity", alert.severity().label());
        putIfPresent(labels, "user", alert.user());
        labels.put("session", alert.sessionId());
        putIfPresent(labels, "category", alert.category());
        putIfPresent(labels, "fingerprint", alert.fingerprint());
        return labels;
    }

    private static Map<String, String> annotations(FrictionAlert alert, String link) {
        Map<String, String> annotations = new LinkedHashMap<>();
        Optional<String> excerpt = latestExcerpt(alert);
        FrictionAlert.Context context = alert.context();
        String command = context == null ? null : context.command();
        String description = context == null ? null : context.description();
        annotations.put("summary", summary(alert, description != null ? description : excerpt.orElse(command)));
        excerpt.ifPresent(text -> annotations.put("evidence", text));
        putIfPresent(annotations, "command", command == null ? null : capped(command, COMMAND_CHARS));
        putIfPresent(annotations, "description", description);
        putIfPresent(annotations, "cwd", context == null ? null : context.cwd());
        annotations.put("count", Long.toString(alert.count()));
        annotations.put("escalation", Integer.toString(alert.escalation()));
        if (alert.secondsLost() > 0) {
            annotations.put("seconds_lost", Long.toString(Math.round(alert.secondsLost())));
        }
        annotations.put("alert_id", alert.alertId());
        putIfPresent(annotations, "link", link);
        return annotations;
    }

    private static String summary(FrictionAlert alert, String detail) {
        String session = alert.sessionId().length() > SHORT_SESSION ? alert.sessionId().substring(0, SHORT_SESSION)
                : alert.sessionId();
        String head = alert.rule() + " for " + (alert.user() == null ? "an unknown user" : alert.user())
                + " in session " + session;
        return detail == null ? head : head + ": " + capped(oneLine(detail), SUMMARY_DETAIL_CHARS);
    }

    private static Optional<String> latestExcerpt(FrictionAlert alert) {
        List<FrictionAlert.Evidence> evidence = alert.evidence();
        if (evidence == null || evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(evidence.get(evidence.size() - 1).excerpt());
    }

    private static String link(String template, FrictionAlert alert) {
        return template.replace("{session}", encoded(alert.sessionId()))
                .replace("{user}", encoded(alert.user() == null ? "" : alert.user()))
                .replace("{rule}", encoded(alert.rule()))
                .replace("{alertId}", encoded(alert.alertId()));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String capped(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "…";
    }

    private static void putIfPresent(Map<String, String> map, String name, String value) {
        if (value != null && !value.isBlank()) {
            map.put(name, value);
        }
    }
}
