package io.sessionfriction.redaction;

import java.util.Arrays;
import java.util.List;
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

    /** The kinds this redactor's rules name, in rule order. */
    public List<String> kinds() {
        return rules.stream().map(RedactionRule::kind).distinct().toList();
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

    /** One call's working state: which rules the current string's literals named, and what was found so far. */
    private final class Pass {
        private final boolean[] hits = new boolean[rules.size()];
        private Findings found;

        Findings findings() {
            return found == null ? Findings.NONE : found;
        }

        String redact(String text) {
            if (!scanner.scan(text, hits)) {
                return text;
            }
            String current = text;
            for (int r = 0; r < hits.length; r++) {
                if (hits[r]) {
                    current = apply(rules.get(r), current);
                }
            }
            Arrays.fill(hits, false);
            return current;
        }

        private String apply(RedactionRule rule, String text) {
            Matcher match = rule.pattern().matcher(text);
            StringBuilder out = null;
            int copied = 0;
            while (match.find()) {
                int start = rule.secretStart(match);
                int end = rule.secretEnd(match);
                if (start == end || overlapsPlaceholder(text, start, end)) {
                    continue;
                }
                String value = text.substring(start, end);
                if (!rule.isSecret(value)) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start).append(placeholder(rule.kind(), value));
                copied = end;
            }
            return out == null ? text : out.append(text, copied, text.length()).toString();
        }

        /** Whether [start, end) touches a placeholder an earlier rule wrote: what it stands for is already out. */
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
