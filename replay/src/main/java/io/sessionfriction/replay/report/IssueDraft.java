package io.sessionfriction.replay.report;

import java.util.List;
import java.util.Locale;

/**
 * A friction point as a Markdown issue draft, ready to paste into a tracker. Every piece of transcript text
 * (fingerprint, command, its description, evidence, users, session ids) is written as code (Markdown), so
 * none of it renders as markup; the rest comes from the rule catalogue.
 */
final class IssueDraft {

    private static final int EXCERPT_CHARS = 400;

    private IssueDraft() {
    }

    /** The draft's file name: its rank keeps the folder in report order. */
    static String fileName(int rank, FrictionPoint point) {
        return String.format(Locale.ROOT, "%02d-%s-%s.md", rank, point.rule(), point.id());
    }

    static String markdown(FrictionPoint point) {
        StringBuilder md = new StringBuilder();
        String subject = FrictionPoints.subject(point.rule(), point.fingerprint());
        md.append("# Friction point: ").append(point.rule()).append(subject.isEmpty() ? "" : " on " + Markdown.code(subject))
                .append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Rule", "`" + point.rule() + "` (" + point.category() + ", severity " + point.severity() + ")");
        row(md, "Impact", "**" + point.impact().label() + "**");
        row(md, "Frequency", String.format(Locale.ROOT, "%d occurrence(s) in %d session(s) of %d user(s)",
                point.occurrences(), point.sessions().size(), point.users().size()));
        if (point.secondsLost() > 0) {
            row(md, "Time lost", Svg.duration(point.secondsLost()) + " (waiting, summed over its occurrences)");
        }
        row(md, "First seen", String.valueOf(point.firstSeen()));
        row(md, "Last seen", String.valueOf(point.lastSeen()));
        row(md, "Users", String.join(", ", point.users().stream().map(Markdown::cell).toList()));
        row(md, "Fingerprint", Markdown.cell(point.fingerprint()));
        md.append('\n');

        md.append("## Source sessions\n\n");
        point.sessions().forEach(s -> md.append("- ").append(Markdown.code(s)).append('\n'));
        md.append("\n## Problem\n\n").append(point.description()).append('\n');
        if (point.command() != null) {
            md.append("\nCommand: ").append(Markdown.code(point.command()));
            if (point.commandDescription() != null) {
                md.append(" (").append(Markdown.code(point.commandDescription())).append(')');
            }
            md.append('\n');
        }
        md.append("\n## Evidence\n\n");
        for (FrictionPoint.Excerpt e : point.evidence()) {
            String text = clip(e.text());
            String fence = Markdown.fence(text);
            md.append("- ").append(e.timestamp()).append(" · ").append(Markdown.code(e.user())).append(" · session ")
                    .append(Markdown.code(shortId(e.sessionId()))).append(" · line ").append(Markdown.code(e.uuid())).append("\n\n");
            md.append("  ").append(fence).append("text\n");
            for (String line : text.split("\n", -1)) {
                md.append("  ").append(line).append('\n');
            }
            md.append("  ").append(fence).append('\n');
        }
        md.append("\n## Likely root cause\n\n").append(point.rootCause()).append('\n');
        md.append("\n## Proposed fix\n\n_to be filled_\n");
        md.append("\n## Related sessions\n\n");
        if (point.related().isEmpty()) {
            md.append("None: no other session hit `").append(point.rule()).append("` with another fingerprint.\n");
        } else {
            md.append("Sessions where `").append(point.rule()).append("` struck on something else:\n\n");
            point.related().forEach(s -> md.append("- ").append(Markdown.code(s)).append('\n'));
        }
        md.append("\n## Labels\n\n").append(String.join(", ", List.copyOf(point.labels()))).append('\n');
        md.append("\n<sub>friction point ").append(point.id()).append(", alerts: ")
                .append(String.join(", ", point.alertIds())).append("</sub>\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String clip(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= EXCERPT_CHARS ? trimmed : trimmed.substring(0, EXCERPT_CHARS - 1) + "…";
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
