package io.sessionfriction.redaction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * The pre-filter: one Aho-Corasick automaton over every rule's literals, ASCII case folded, so a string
 * is read once, char by char, and only the rules whose literals it holds run their regex. Nearly every
 * string of a transcript holds none, and costs one table lookup per char.
 *
 * <p>Chars that occur in no literal share one input class, so the table is states × (distinct literal
 * chars + 1) ints, a few tens of KiB for the shipped rules.
 */
final class LiteralScanner {

    private static final int ROOT = 0;

    private final byte[] classOf = new byte[128];
    private final int classes;
    private final int[] next;
    private final int[][] rulesAt;
    private final int shortest;

    /** @param literals for each rule (by index), its literals; every literal is printable ASCII */
    LiteralScanner(List<List<String>> literals) {
        List<String> folded = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        int minLength = Integer.MAX_VALUE;
        for (int rule = 0; rule < literals.size(); rule++) {
            for (String literal : literals.get(rule)) {
                String lower = literal.toLowerCase(Locale.ROOT);
                folded.add(lower);
                owners.add(rule);
                minLength = Math.min(minLength, lower.length());
            }
        }
        this.shortest = minLength == Integer.MAX_VALUE ? Integer.MAX_VALUE : minLength;
        int distinct = 1;
        for (String literal : folded) {
            for (char c : literal.toCharArray()) {
                if (classOf[c] == 0) {
                    classOf[c] = (byte) distinct++;
                    if (Character.isLetter(c)) {
                        classOf[Character.toUpperCase(c)] = classOf[c];
                    }
                }
            }
        }
        this.classes = distinct;
        Trie trie = new Trie(classes);
        for (int i = 0; i < folded.size(); i++) {
            trie.add(folded.get(i), owners.get(i), classOf);
        }
        this.next = trie.toAutomaton();
        this.rulesAt = trie.outputs();
    }

    /** Marks in {@code hits} every rule one of whose literals occurs in {@code text}; true if any did. */
    boolean scan(CharSequence text, boolean[] hits) {
        int length = text.length();
        if (length < shortest) {
            return false;
        }
        boolean any = false;
        int state = ROOT;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            state = next[state * classes + (c < 128 ? classOf[c] : 0)];
            int[] rules = rulesAt[state];
            if (rules != null) {
                for (int rule : rules) {
                    hits[rule] = true;
                }
                any = true;
            }
        }
        return any;
    }

    /** The goto function while literals are added; {@link #toAutomaton} folds the failure links into it. */
    private static final class Trie {
        private final int classes;
        private final List<int[]> edges = new ArrayList<>();
        private final List<int[]> outputs = new ArrayList<>();

        Trie(int classes) {
            this.classes = classes;
            newState();
        }

        private int newState() {
            int[] row = new int[classes];
            Arrays.fill(row, -1);
            edges.add(row);
            outputs.add(null);
            return edges.size() - 1;
        }

        void add(String literal, int rule, byte[] classOf) {
            int state = ROOT;
            for (char c : literal.toCharArray()) {
                int cls = classOf[c];
                if (edges.get(state)[cls] < 0) {
                    int created = newState();
                    edges.get(state)[cls] = created;
                }
                state = edges.get(state)[cls];
            }
            outputs.set(state, with(outputs.get(state), rule));
        }

        /** Breadth-first: each state's missing edges are its failure state's, and it inherits that state's outputs. */
        int[] toAutomaton() {
            int states = edges.size();
            int[] table = new int[states * classes];
            int[] fail = new int[states];
            Queue<Integer> queue = new ArrayDeque<>();
            for (int cls = 0; cls < classes; cls++) {
                int child = edges.get(ROOT)[cls];
                table[cls] = child < 0 ? ROOT : child;
                if (child > 0) {
                    fail[child] = ROOT;
                    queue.add(child);
                }
            }
            while (!queue.isEmpty()) {
                int state = queue.remove();
                int[] inherited = outputs.get(fail[state]);
                if (inherited != null) {
                    for (int rule : inherited) {
                        outputs.set(state, with(outputs.get(state), rule));
                    }
                }
                for (int cls = 0; cls < classes; cls++) {
                    int child = edges.get(state)[cls];
                    if (child < 0) {
                        table[state * classes + cls] = table[fail[state] * classes + cls];
                    } else {
                        table[state * classes + cls] = child;
                        fail[child] = table[fail[state] * classes + cls];
                        queue.add(child);
                    }
                }
            }
            return table;
        }

        int[][] outputs() {
            return outputs.toArray(new int[0][]);
        }

        private static int[] with(int[] rules, int rule) {
            if (rules == null) {
                return new int[] {rule};
            }
            for (int known : rules) {
                if (known == rule) {
                    return rules;
                }
            }
            int[] grown = Arrays.copyOf(rules, rules.length + 1);
            grown[rules.length] = rule;
            return grown;
        }
    }
}
