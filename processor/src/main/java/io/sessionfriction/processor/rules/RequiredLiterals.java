package io.sessionfriction.processor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Literals one of which every match of a regex contains: for each top-level alternative, its longest run of
 * plain characters that no quantifier makes optional. A text holding none of them (case folded, as the rules
 * match) cannot match, so most lines skip the regex. Derived conservatively: anything this reading does not
 * understand (an escaped letter other than the classes, inline flags, a quoted span) gives no literals, and
 * the regex then always runs.
 */
final class RequiredLiterals {

    /** Shorter literals reject too little to pay for the look-up. */
    private static final int SHORTEST = 3;
    private static final String CLASS_ESCAPES = "bBsSdDwW";

    private RequiredLiterals() {
    }

    /** The literals, lower case; empty when some alternative has none this reading is sure of. */
    static Optional<List<String>> of(String regex) {
        List<String> literals = new ArrayList<>();
        for (String alternative : alternatives(regex)) {
            Optional<List<String>> required = required(alternative);
            if (required.isEmpty()) {
                return Optional.empty();
            }
            required.get().forEach(literal -> literals.add(literal.toLowerCase(Locale.ROOT)));
        }
        return literals.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(literals));
    }

    /** The regex split at its top-level {@code |}, outside groups, classes and escapes. */
    private static List<String> alternatives(String regex) {
        List<String> alternatives = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                alternatives.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(regex.substring(start));
        return alternatives;
    }

    /**
     * What one alternative requires: its longest run of required plain characters, or, when that is too short,
     * one of the literals of a group it requires (a group no quantifier makes optional); empty when it holds
     * something not understood or nothing long enough.
     */
    private static Optional<List<String>> required(String alternative) {
        String longest = "";
        List<String> fromGroup = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < alternative.length(); i++) {
            char c = alternative.charAt(i);
            boolean literal;
            char value = c;
            if (c == '\\') {
                if (i + 1 >= alternative.length()) {
                    return Optional.empty();
                }
                char escaped = alternative.charAt(++i);
                if (Character.isLetterOrDigit(escaped)) {
                    if (CLASS_ESCAPES.indexOf(escaped) < 0) {
                        return Optional.empty();
                    }
                    literal = false;
                } else {
                    literal = true;
                    value = escaped;
                }
            } else if (c == '(') {
                boolean lookaround = alternative.startsWith("(?", i) && !alternative.startsWith("(?:", i);
                if (lookaround && !lookaround(alternative, i)) {
                    return Optional.empty();
                }
                int close = groupEnd(alternative, i);
                if (close < 0) {
                    return Optional.empty();
                }
                boolean optional = close + 1 < alternative.length() && "?*{".indexOf(alternative.charAt(close + 1)) >= 0;
                if (!lookaround && !optional) {
                    String content = alternative.substring(alternative.startsWith("(?:", i) ? i + 3 : i + 1, close);
                    Optional<List<String>> inside = of(content);
                    if (inside.isPresent() && (fromGroup == null || shortest(inside.get()) > shortest(fromGroup))) {
                        fromGroup = inside.get();
                    }
                }
                i = close;
                literal = false;
            } else if (c == '[') {
                i = classEnd(alternative, i);
                literal = false;
            } else if (c == '?' || c == '*' || c == '{') {
                // The atom before is optional (or, for {m,n}, taken as if it were): it leaves the run.
                if (run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                longest = longer(longest, run);
                run.setLength(0);
                if (c == '{') {
                    i = alternative.indexOf('}', i);
                    if (i < 0) {
                        return Optional.empty();
                    }
                }
                continue;
            } else if (c == '+') {
                // Required at least once: kept, but the run ends with it.
                longest = longer(longest, run);
                run.setLength(0);
                continue;
            } else {
                literal = c != '.' && c != '^' && c != '$' && c != ')' && c != ']';
            }
            if (literal) {
                if (i + 1 < alternative.length() && "?*{".indexOf(alternative.charAt(i + 1)) >= 0) {
                    longest = longer(longest, run);
                    run.setLength(0);
                } else {
                    run.append(value);
                }
            } else {
                longest = longer(longest, run);
                run.setLength(0);
            }
        }
        longest = longer(longest, run);
        if (longest.length() >= SHORTEST && (fromGroup == null || longest.length() >= shortest(fromGroup))) {
            return Optional.of(List.of(longest));
        }
        return Optional.ofNullable(fromGroup);
    }

    private static int shortest(List<String> literals) {
        return literals.stream().mapToInt(String::length).min().orElse(0);
    }

    private static boolean lookaround(String regex, int open) {
        return regex.startsWith("(?=", open) || regex.startsWith("(?!", open)
                || regex.startsWith("(?<=", open) || regex.startsWith("(?<!", open);
    }

    private static String longer(String longest, CharSequence run) {
        return run.length() > longest.length() ? run.toString() : longest;
    }

    /** The index of the {@code )} closing the group opened at {@code open}, or -1. */
    private static int groupEnd(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the {@code ]} closing the class opened at {@code open} (a {@code ]} first in it is literal). */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == ']') {
                return i;
            }
        }
        return regex.length();
    }
}
