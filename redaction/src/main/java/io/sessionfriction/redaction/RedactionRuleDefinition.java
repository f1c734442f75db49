package io.sessionfriction.redaction;

import java.util.List;

/**
 * A redaction rule as written in YAML, before validation: every field may be missing, so that a user
 * file can override a shipped rule field by field (only what it names changes).
 *
 * @param examples    texts the rule must redact; checked at load, so a rule that stopped matching them fails there
 * @param nonExamples texts the rule must leave as they are
 */
record RedactionRuleDefinition(
        String id,
        String kind,
        String description,
        List<String> literals,
        String pattern,
        Double minEntropy,
        String allow,
        Boolean anchored,
        List<String> examples,
        List<String> nonExamples,
        Boolean enabled) {

    /** This definition with every field the override names replaced. */
    RedactionRuleDefinition overriddenBy(RedactionRuleDefinition override) {
        return new RedactionRuleDefinition(
                id,
                pick(override.kind, kind),
                pick(override.description, description),
                pick(override.literals, literals),
                pick(override.pattern, pattern),
                pick(override.minEntropy, minEntropy),
                pick(override.allow, allow),
                pick(override.anchored, anchored),
                pick(override.examples, examples),
                pick(override.nonExamples, nonExamples),
                pick(override.enabled, enabled));
    }

    private static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }
}
