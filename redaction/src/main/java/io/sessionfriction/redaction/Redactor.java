package io.sessionfriction.redaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Replaces secrets with placeholders, in parsed strings ({@link #redact(String)}), in every string of a
 * JSON tree ({@link #redactInPlace}) and in raw text that may not parse ({@link #redactRaw}). Thread-safe.
 *
 * <p>Each string goes through the {@link LiteralScanner pre-filter} first; only the rules whose literals it
 * holds run their regex, in catalogue order, each on the text the rules before it left. A value that is
 * already a placeholder is never redacted again, so a generic rule never renames what a specific one found.
 *
 * <p>In a tree, a secret found in one string is also taken out of the line's other strings where they hold
 * it without the context that identified it, or only a piece of it: a bash_progress line's {@code output}
 * is a tail of its {@code fullOutput}, and its first line may begin inside the secret.
 */
public final class Redactor {

    /** A value this short is not looked for elsewhere in the line: it could be anything. */
    static final int SHORTEST_SHARED_SECRET = 8;
    /** A piece of a known secret at the start or end of another string is taken out from this many chars. */
    static final int SHORTEST_FRAGMENT = 6;

    private final List<RedactionRule> rules;
    private final Optional<RedactionKey> key;
    private final LiteralScanner scanner;

    private Redactor(List<RedactionRule> rules, Optional<RedactionKey> key) {
        this.rules = List.copyOf(rules);
        this.key = key;
        this.scanner = new LiteralScanner(rules.stream().map(RedactionRule::literals).toList());
    }

    /** The shipped rules, placeholders without a hash; one shared instance. */
    public static Redactor defaults() {
        return Shipped.REDACTOR;
    }

    /** Loaded on first use: the catalogue checks every rule's examples. */
    private static final class Shipped {
        static final Redactor REDACTOR = of(RedactionCatalogue.defaults(), Optional.empty());
    }

    /** @param key when present, placeholders carry a short keyed hash of the secret */
    public static Redactor of(RedactionCatalogue catalogue, Optional<RedactionKey> key) {
        return of(catalogue.rules(), key);
    }

    static Redactor of(List<RedactionRule> rules, Optional<RedactionKey> key) {
        return new Redactor(rules, key);
    }

    /** The kinds of secret its rules find ({@code aws-secret-key}, {@code jwt}, ...): the values of a redaction counter's tag. */
    public Set<String> kinds() {
        return rules.stream().map(RedactionRule::kind).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A text and what was taken out of it. */
    public record Redacted(String text, Findings findings) {
    }

    /** The text with its secrets replaced; the same instance when it holds none. */
    public Redacted redact(String text) {
        Pass pass = new Pass();
        String redacted = text == null ? null : pass.redact(text);
        return new Redacted(redacted, pass.findings());
    }

    /**
     * Redacts every string value of the tree, in place. Field names are left alone: in a transcript they
     * are the format's own.
     */
    public Findings redactInPlace(JsonNode tree) {
        Pass pass = new Pass();
        walk(tree, pass::redact);
        if (pass.found != null) {
            List<Findings.Secret> shared = pass.found.secrets().stream()
                    .filter(secret -> secret.value().length() >= SHORTEST_SHARED_SECRET).toList();
            if (!shared.isEmpty()) {
                walk(tree, text -> pass.withoutPieces(text, shared));
            }
        }
        return pass.findings();
    }

    /**
     * Raw text that may not be JSON at all (a dead letter's {@code raw}): the string literals it holds are
     * redacted as the strings they encode (see {@link JsonStrings}), then the text as it stands. In that
     * order: a rule reading escaped text as plain could take an escape's backslash for part of a value.
     */
    public Redacted redactRaw(String raw) {
        Pass pass = new Pass();
        String redacted = raw == null ? null : pass.redact(JsonStrings.redactLiterals(raw, pass::redact));
        return new Redacted(redacted, pass.findings());
    }

    /** Where a rule found a secret in a text: the chars to replace, and the kind to name. */
    private record Span(int start, int end, String kind) {
    }

    private static void walk(JsonNode node, UnaryOperator<String> redact) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    String text = value.textValue();
                    String redacted = redact.apply(text);
                    if (redacted != text) {
                        field.setValue(TextNode.valueOf(redacted));
                    }
                } else if (value.isContainerNode()) {
                    walk(value, redact);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    String text = value.textValue();
                    String redacted = redact.apply(text);
                    if (redacted != text) {
                        array.set(i, TextNode.valueOf(redacted));
                    }
                } else if (value.isContainerNode()) {
                    walk(value, redact);
                }
            }
        }
    }

    /** One call's working state: where the current string's literals are, and what was found so far. */
    private final class Pass {
        private final LiteralScanner.Hits hits = new LiteralScanner.Hits(rules.size());
        private Findings found;

        Findings findings() {
            return found == null ? Findings.NONE : found;
        }

        /**
         * Every rule whose literals the text holds finds its matches in the text as given; a match that
         * overlaps one of an earlier rule, or a placeholder already there, is dropped, so the first rule to
         * see a secret names it. Then all are replaced at once.
         */
        String redact(String text) {
            if (!scanner.scan(text, hits)) {
                return text;
            }
            List<Span> spans = new ArrayList<>();
            for (int r = 0; r < rules.size(); r++) {
                if (hits.named(r)) {
                    find(r, text, spans);
                }
            }
            hits.clear();
            return spans.isEmpty() ? text : replaced(text, spans);
        }

        /** An anchored rule's regex is tried only where one of its literals starts; any other searches the text. */
        private void find(int r, String text, List<Span> spans) {
            RedactionRule rule = rules.get(r);
            Matcher match = rule.pattern().matcher(text);
            if (!rule.anchored()) {
                while (match.find()) {
                    add(rule, match, text, spans);
                }
                return;
            }
            match.useTransparentBounds(true).useAnchoringBounds(false);
            int after = 0;
            for (int start : starts(r)) {
                if (start >= after) {
                    match.region(start, text.length());
                    if (match.lookingAt()) {
                        add(rule, match, text, spans);
                        after = Math.max(match.end(), start + 1);
                    }
                }
            }
        }

        private int[] starts(int rule) {
            int[] starts = new int[hits.count()];
            int n = 0;
            for (int k = 0; k < hits.count(); k++) {
                if (hits.rule(k) == rule) {
                    starts[n++] = hits.start(k);
                }
            }
            int[] own = Arrays.copyOf(starts, n);
            Arrays.sort(own);
            return own;
        }

        private void add(RedactionRule rule, Matcher match, String text, List<Span> spans) {
            int start = rule.secretStart(match);
            int end = rule.secretEnd(match);
            if (start == end || overlapsPlaceholder(text, start, end)) {
                return;
            }
            for (Span taken : spans) {
                if (start < taken.end() && taken.start() < end) {
                    return;
                }
            }
            String value = text.substring(start, end);
            if (rule.isSecret(value)) {
                spans.add(new Span(start, end, rule.kind()));
            }
        }

        private String replaced(String text, List<Span> spans) {
            spans.sort(Comparator.comparingInt(Span::start));
            StringBuilder out = new StringBuilder(text.length());
            int copied = 0;
            for (Span span : spans) {
                out.append(text, copied, span.start()).append(placeholder(span.kind(), text.substring(span.start(), span.end())));
                copied = span.end();
            }
            return out.append(text, copied, text.length()).toString();
        }

        /** Whether [start, end) touches a placeholder already in the text: what it stands for is already out. */
        private static boolean overlapsPlaceholder(String text, int start, int end) {
            int at = text.lastIndexOf(Placeholders.PREFIX, end - 1);
            return at >= 0 && text.indexOf(']', at) >= start;
        }

        private String placeholder(String kind, String value) {
            if (found == null) {
                found = new Findings();
            }
            found.add(kind, value);
            return Placeholders.of(kind, key.map(k -> k.tag(value)).orElse(null));
        }

        /** The text without the known secrets, whole anywhere, or cut at the text's start or end. */
        String withoutPieces(String text, List<Findings.Secret> secrets) {
            String current = text;
            for (Findings.Secret secret : secrets) {
                current = withoutWhole(current, secret);
                current = withoutHead(current, secret);
                current = withoutTail(current, secret);
            }
            return current;
        }

        private String withoutWhole(String text, Findings.Secret secret) {
            int at = text.indexOf(secret.value());
            if (at < 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            int copied = 0;
            while (at >= 0) {
                out.append(text, copied, at).append(placeholder(secret.kind(), secret.value()));
                copied = at + secret.value().length();
                at = text.indexOf(secret.value(), copied);
            }
            return out.append(text, copied, text.length()).toString();
        }

        /** A text that begins with the secret's last chars: the text was cut inside it. */
        private String withoutHead(String text, Findings.Secret secret) {
            String value = secret.value();
            if (text.length() < SHORTEST_FRAGMENT) {
                return text;
            }
            String head = text.substring(0, SHORTEST_FRAGMENT);
            for (int at = value.indexOf(head, 1); at > 0; at = value.indexOf(head, at + 1)) {
                int piece = value.length() - at;
                if (piece <= text.length() && text.regionMatches(0, value, at, piece)) {
                    return placeholder(secret.kind(), value.substring(at)) + text.substring(piece);
                }
            }
            return text;
        }

        /** A text that ends with the secret's first chars: the text was cut inside it. */
        private String withoutTail(String text, Findings.Secret secret) {
            String value = secret.value();
            if (text.length() < SHORTEST_FRAGMENT) {
                return text;
            }
            String tail = text.substring(text.length() - SHORTEST_FRAGMENT);
            for (int at = value.indexOf(tail); at >= 0 && at + SHORTEST_FRAGMENT < value.length(); at = value.indexOf(tail, at + 1)) {
                int piece = at + SHORTEST_FRAGMENT;
                if (piece <= text.length() && text.regionMatches(text.length() - piece, value, 0, piece)) {
                    return text.substring(0, text.length() - piece) + placeholder(secret.kind(), value.substring(0, piece));
                }
            }
            return text;
        }
    }
}
