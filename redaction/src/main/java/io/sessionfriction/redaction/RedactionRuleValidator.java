package io.sessionfriction.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a merged {@link RedactionRuleDefinition} into a {@link RedactionRule}, or into problems that each
 * name the rule, where it came from and the field at fault. A rule's examples are redacted with the rule
 * alone, the pre-filter included, so a literal that its own examples do not hold is caught here.
 */
final class RedactionRuleValidator {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int SHORTEST_LITERAL = 2;
    private static final double MAX_ENTROPY = 8;

    private final List<String> problems;

    RedactionRuleValidator(List<String> problems) {
        this.problems = problems;
    }

    Optional<RedactionRule> validate(RedactionRuleDefinition def, String origin) {
        Problems at = new Problems(def.id(), origin);
        if (def.id() == null || !KEBAB.matcher(def.id()).matches()) {
            at.add("id", "'" + def.id() + "' must be kebab-case (a-z, 0-9, single dashes)");
        }
        String kind = def.kind() == null ? def.id() : def.kind();
        if (kind == null || !KEBAB.matcher(kind).matches()) {
            at.add("kind", "'" + kind + "' must be kebab-case: it is written into every placeholder and metric");
        }
        if (def.description() == null || def.description().isBlank()) {
            at.add("description", "is required");
        }
        List<String> literals = literals(at, def.literals());
        Pattern pattern = regex(at, "pattern", def.pattern(), true);
        Optional<Pattern> allow = def.allow() == null ? Optional.empty() : Optional.ofNullable(regex(at, "allow", def.allow(), false));
        double minEntropy = def.minEntropy() == null ? 0 : def.minEntropy();
        if (minEntropy < 0 || minEntropy > MAX_ENTROPY) {
            at.add("minEntropy", minEntropy + " must be between 0 and " + MAX_ENTROPY + " bits per char");
        }
        if (at.any()) {
            return Optional.empty();
        }
        RedactionRule rule = new RedactionRule(def.id(), kind, def.description().strip(), literals, pattern, minEntropy, allow,
                Boolean.TRUE.equals(def.anchored()));
        checkExamples(at, rule, def.examples(), def.nonExamples());
        checkAnchored(at, rule, def.examples());
        return at.any() ? Optional.empty() : Optional.of(rule);
    }

    private List<String> literals(Problems at, List<String> literals) {
        if (literals == null || literals.isEmpty()) {
            at.add("literals", "is required: the pre-filter runs a rule's pattern only on text holding one of its literals");
            return List.of();
        }
        for (String literal : literals) {
            if (literal == null || literal.length() < SHORTEST_LITERAL || !literal.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                at.add("literals", "'" + literal + "' must be printable ASCII of at least " + SHORTEST_LITERAL + " chars");
            }
        }
        return literals;
    }

    private Pattern regex(Problems at, String field, String regex, boolean required) {
        if (regex == null || regex.isEmpty()) {
            if (required) {
                at.add(field, "is required");
            }
            return null;
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException bad) {
            at.add(field, "does not compile: " + bad.getDescription() + " near index " + bad.getIndex());
            return null;
        }
        if (required && compiled.matcher("").lookingAt()) {
            at.add(field, "matches the empty string, so it would match everywhere");
            return null;
        }
        return compiled;
    }

    private void checkExamples(Problems at, RedactionRule rule, List<String> examples, List<String> nonExamples) {
        Redactor alone = Redactor.of(List.of(rule), Optional.empty());
        List<String> redacted = examples == null ? List.of() : examples;
        for (int i = 0; i < redacted.size(); i++) {
            String example = redacted.get(i);
            if (example == null || !alone.redact(example).findings().any()) {
                at.add("examples[" + i + "]", "is not redacted by the rule" + missingLiteral(rule, example));
            }
        }
        List<String> kept = nonExamples == null ? List.of() : nonExamples;
        for (int i = 0; i < kept.size(); i++) {
            String example = kept.get(i);
            if (example != null && alone.redact(example).findings().any()) {
                at.add("nonExamples[" + i + "]", "is redacted by the rule, which must leave it as it is");
            }
        }
    }

    /** An anchored rule that matches an example where none of its literals starts would miss that secret. */
    private void checkAnchored(Problems at, RedactionRule rule, List<String> examples) {
        if (!rule.anchored() || examples == null) {
            return;
        }
        for (int i = 0; i < examples.size(); i++) {
            String example = examples.get(i);
            Matcher match = rule.pattern().matcher(example == null ? "" : example);
            while (match.find()) {
                int start = match.start();
                String rest = example.substring(start).toLowerCase(Locale.ROOT);
                if (rule.literals().stream().noneMatch(literal -> rest.startsWith(literal.toLowerCase(Locale.ROOT)))) {
                    at.add("anchored", "is true, but examples[" + i + "] matches at index " + start
                            + ", where none of the literals starts");
                    return;
                }
            }
        }
    }

    private static String missingLiteral(RedactionRule rule, String example) {
        if (example == null) {
            return "";
        }
        String lower = example.toLowerCase(Locale.ROOT);
        boolean held = rule.literals().stream().anyMatch(literal -> lower.contains(literal.toLowerCase(Locale.ROOT)));
        return held ? "" : " (it holds none of the literals " + rule.literals() + ", so the pre-filter skips it)";
    }

    /** Problems of one rule; each message names rule, origin and field. */
    private final class Problems {
        private final String ruleId;
        private final String origin;
        private final List<String> own = new ArrayList<>();

        Problems(String ruleId, String origin) {
            this.ruleId = ruleId;
            this.origin = origin;
        }

        void add(String field, String message) {
            String problem = "rule '" + ruleId + "' (" + origin + "): field '" + field + "' " + message;
            own.add(problem);
            problems.add(problem);
        }

        boolean any() {
            return !own.isEmpty();
        }
    }
}
