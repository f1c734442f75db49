package io.sessionfriction.processor.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's regex with the literals one of which every match contains ({@link RequiredLiterals}): a value
 * holding none of them is rejected by a few plain searches instead of the regex, which is what most lines
 * get. The regexes were 13% of a replay's stream thread, most of them on lines they could not match.
 *
 * @param literals lower case; empty when none could be derived, and the regex then always runs
 */
public record RuleRegex(Pattern pattern, List<String> literals) {

    /** Rules' regexes are case-insensitive as documented; MULTILINE so ^ and $ anchor at each output line. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

    public RuleRegex {
        literals = List.copyOf(literals);
    }

    /** {@code pattern} compiled with {@link #FLAGS}. */
    static RuleRegex of(Pattern pattern) {
        List<String> literals = pattern.flags() == FLAGS ? RequiredLiterals.of(pattern.pattern()).orElse(List.of()) : List.of();
        return new RuleRegex(pattern, literals);
    }

    /** Where the regex is first found in the field, or -1 (also for a field the line does not have). */
    int find(FieldValues line, EventField field) {
        String value = line.value(field);
        if (value == null || !mayMatch(line, field)) {
            return -1;
        }
        Matcher matcher = pattern.matcher(value);
        return matcher.find() ? matcher.start() : -1;
    }

    private boolean mayMatch(FieldValues line, EventField field) {
        if (literals.isEmpty()) {
            return true;
        }
        String folded = line.folded(field);
        for (String literal : literals) {
            if (folded.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

}
