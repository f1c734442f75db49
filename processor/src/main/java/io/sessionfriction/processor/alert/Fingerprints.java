package io.sessionfriction.processor.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.sessionfriction.processor.event.CommandShape;
import io.sessionfriction.processor.rules.FingerprintPart;
import io.sessionfriction.processor.rules.Rule;
import io.sessionfriction.redaction.Placeholders;

/** Builds an occurrence's fingerprint from its rule's recipe; volatile parts of text are masked. */
final class Fingerprints {

    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    // Hex ids (commit hashes, task ids) hold at least one digit; words like "defaced" stay.
    private static final Pattern HEX_ID = Pattern.compile("\\b(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{7,}\\b");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    // A path: at least one slash between word characters (/data/x.csv, lib/a/b.ex, ~/.pgpass); URLs too.
    private static final Pattern PATH = Pattern.compile("(?:~|\\.{1,2}|[\\w.@+-]+)?(?:/[\\w.@+%=-]+)+/?");
    /** A command with a long heredoc or commit message is identified by its start; the id hashes the rest away. */
    static final int MAX_PART = 300;

    private Fingerprints() {
    }

    /**
     * The parts of the rule's recipe joined by " | ". When none of them is known on this occurrence
     * (say, the command of a tool call the stage never saw), the masked excerpt stands in, so unrelated
     * problems do not collapse into one alert.
     */
    static String of(Rule rule, Occurrence occurrence) {
        List<String> parts = new ArrayList<>();
        for (FingerprintPart part : rule.fingerprint()) {
            String value = switch (part) {
                case RULE -> rule.id();
                case TOOL -> occurrence.call().toolName();
                case COMMAND -> occurrence.call().normalizedCommand();
                case PROGRAM -> CommandShape.of(occurrence.call().command()).programKey();
                case ERROR -> occurrence.errorLine() == null ? null : mask(occurrence.errorLine());
                case EXCERPT -> mask(occurrence.excerpt());
            };
            if (value != null && !value.isBlank()) {
                parts.add(value.length() <= MAX_PART ? value : value.substring(0, MAX_PART) + "…");
            }
        }
        return parts.isEmpty() ? mask(occurrence.excerpt()) : String.join(" | ", parts);
    }

    /**
     * Paths, digits, hex ids and uuids replaced, so "line 12" and "line 13", a.csv and b.csv, are the same
     * problem; a redacted secret counts by its kind alone, so another secret, or a rotated key, makes no new alert.
     */
    static String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = UUID.matcher(Placeholders.withoutHashes(text)).replaceAll("<uuid>");
        masked = PATH.matcher(masked).replaceAll("<path>");
        masked = HEX_ID.matcher(masked).replaceAll("<hex>");
        return DIGITS.matcher(masked).replaceAll("N");
    }
}
