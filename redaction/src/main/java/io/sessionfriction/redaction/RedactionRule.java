package io.sessionfriction.redaction;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One validated redaction rule: what it finds and what replaces it.
 *
 * @param id          unique, kebab-case; a user file overrides a shipped rule by it
 * @param kind        what the placeholder names, {@code [REDACTED:<kind>]}, and the metric's tag; several rules may share one
 * @param description what the rule finds, for docs/security.md and error messages
 * @param literals    the pre-filter: a string holding none of these (ASCII, case-insensitive) is never matched against {@code pattern}
 * @param pattern     the match; only its group {@code secret} is replaced when it has one, else the whole match
 * @param minEntropy  the secret's least Shannon entropy in bits per char (0: any), so words and ids stay; a
 *                    value too short to reach it needs nearly what its length allows
 * @param allow       values of the secret that are not secrets (placeholders, variable references), or none
 * @param anchored    every match starts where one of the literals starts, so the regex is tried only there
 *                    (the cheap case); otherwise it searches every string holding a literal
 */
public record RedactionRule(String id, String kind, String description, List<String> literals, Pattern pattern,
        double minEntropy, Optional<Pattern> allow, boolean anchored) {

    static final String SECRET_GROUP = "secret";

    public RedactionRule {
        literals = List.copyOf(literals);
    }

    boolean hasSecretGroup() {
        return pattern.pattern().contains("(?<" + SECRET_GROUP + ">");
    }

    /** The redacted span of a match: its secret group when the rule has one and it took part, else the whole match. */
    int secretStart(Matcher match) {
        return hasSecretGroup() && match.start(SECRET_GROUP) >= 0 ? match.start(SECRET_GROUP) : match.start();
    }

    int secretEnd(Matcher match) {
        return hasSecretGroup() && match.start(SECRET_GROUP) >= 0 ? match.end(SECRET_GROUP) : match.end();
    }

    /** Whether a matched value is a secret: random enough and not an allowed placeholder. */
    boolean isSecret(CharSequence value) {
        if (value.isEmpty()) {
            return false;
        }
        if (allow.isPresent() && allow.get().matcher(value).find()) {
            return false;
        }
        return minEntropy <= 0 || Entropy.atLeast(value, minEntropy);
    }
}
