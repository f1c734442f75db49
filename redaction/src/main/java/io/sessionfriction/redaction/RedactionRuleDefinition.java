package io.sessionfriction.redaction;

import java.util.List;

/**
 * A redaction rule as written in YAML (a user file's fields merged over the shipped rule's), before
 * validation: any field may be missing.
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
}
