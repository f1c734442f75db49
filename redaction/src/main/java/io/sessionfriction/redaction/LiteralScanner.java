package io.sessionfriction.redaction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * The pre-filter: one Aho-Corasick automaton over every rule's literals, ASCII case folded, so a string
 * is read once, char by char, and only the rules whose literals it holds run their regex, and only where
 * the literals are. Nearly every string of a transcript holds none, and costs one table lookup per char.
 *
 * <p>Chars that occur in no literal share one input class, so the table is states × (distinct literal
 * chars + 1) ints, a few tens of KiB for the shipped rules. Each entry is the next state's row offset,
 * negated (complemented) when that state ends a literal, so the loop does one load and one test per char.
 */
final class LiteralScanner {

    private static final int ROOT = 0;

    private final byte[] classOf = new byte[128];
    private final int classes;
    private final int[] next;
    /** Per state (by row offset / classes): the rules whose literals end there, and those literals' lengths. */
    private final int[][] rulesAt;
    private final int[][] lengthsAt;
    private final int shortest;

    /** @param literals for each rule (by index), its literals; every literal is printable ASCII */
    LiteralScanner(List<List<String>> literals) {
        List<String> folded = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int rule = 0; rule < literals.size(); rule++) {
            for (String literal : literals.get(rule)) {
                folded.add(literal.toLowerCase(Locale.ROOT));
                owners.add(rule);
            }
        }
        this.shortest = folded.stream().mapToInt(String::length).min().orElse(Integer.MAX_VALUE);
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
        this.rulesAt = trie.rules();
        this.lengthsAt = trie.lengths();
    }

    /**
     * Marks in {@code hits} every rule one of whose literals occurs in {@code text}, with where each
     * occurrence starts; true if any did.
     */
    boolean scan(CharSequence text, Hits hits) {
        int length = text.length();
        if (length < shortest) {
            return false;
        }
        boolean any = false;
        int row = ROOT;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            row = next[row + (c < 128 ? classOf[c] : 0)];
            if (row < 0) {
                row = ~row;
                int state = row / classes;
                int[] rules = rulesAt[state];
                int[] lengths = lengthsAt[state];
                for (int k = 0; k < rules.length; k++) {
                    hits.add(rules[k], i + 1 - lengths[k]);
                }
                any = true;
            }
        }
        return any;
    }

    /** Which rules a string's literals named, and where each of their literals starts, in the string's order. */
    static final class Hits {
        private final boolean[] rules;
        private int[] occurrences = new int[32];
        private int size;

        Hits(int rules) {
            this.rules = new boolean[rules];
        }

        void add(int rule, int start) {
            rules[rule] = true;
            if (size + 2 > occurrences.length) {
                occurrences = Arrays.copyOf(occurrences, occurrences.length * 2);
            }
            occurrences[size++] = rule;
            occurrences[size++] = start;
        }

        boolean named(int rule) {
            return rules[rule];
        }

        int count() {
            return size / 2;
        }

        int rule(int occurrence) {
            return occurrences[2 * occurrence];
        }

        int start(int occurrence) {
            return occurrences[2 * occurrence + 1];
        }

        void clear() {
            Arrays.fill(rules, false);
            size = 0;
        }
    }

    /** The goto function while literals are added; {@link #toAutomaton} folds the failure links into it. */
    private static final class Trie {
        private final int classes;
        private final List<int[]> edges = new ArrayList<>();
        private final List<int[]> rules = new ArrayList<>();
        private final List<int[]> lengths = new ArrayList<>();

        Trie(int classes) {
            this.classes = classes;
            newState();
        }

        private int newState() {
            int[] row = new int[classes];
            Arrays.fill(row, -1);
            edges.add(row);
            rules.add(null);
            lengths.add(null);
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
            output(state, rule, literal.length());
        }

        private void output(int state, int rule, int length) {
            int[] known = rules.get(state);
            int[] knownLengths = lengths.get(state);
            int n = known == null ? 0 : known.length;
            for (int k = 0; k < n; k++) {
                if (known[k] == rule && knownLengths[k] == length) {
                    return;
                }
            }
            int[] grown = known == null ? new int[1] : Arrays.copyOf(known, n + 1);
            int[] grownLengths = knownLengths == null ? new int[1] : Arrays.copyOf(knownLengths, n + 1);
            grown[n] = rule;
            grownLengths[n] = length;
            rules.set(state, grown);
            lengths.set(state, grownLengths);
        }

        /** Breadth-first: each state's missing edges are its failure state's, and it inherits that state's outputs. */
        int[] toAutomaton() {
            int states = edges.size();
            int[] target = new int[states * classes];
            int[] fail = new int[states];
            Queue<Integer> queue = new ArrayDeque<>();
            for (int cls = 0; cls < classes; cls++) {
                int child = edges.get(ROOT)[cls];
                target[cls] = child < 0 ? ROOT : child;
                if (child > 0) {
                    fail[child] = ROOT;
                    queue.add(child);
                }
            }
            while (!queue.isEmpty()) {
                int state = queue.remove();
                int[] inherited = rules.get(fail[state]);
                for (int k = 0; inherited != null && k < inherited.length; k++) {
                    output(state, inherited[k], lengths.get(fail[state])[k]);
                }
                for (int cls = 0; cls < classes; cls++) {
                    int child = edges.get(state)[cls];
                    if (child < 0) {
                        target[state * classes + cls] = target[fail[state] * classes + cls];
                    } else {
                        target[state * classes + cls] = child;
                        fail[child] = target[fail[state] * classes + cls];
                        queue.add(child);
                    }
                }
            }
            int[] table = new int[target.length];
            for (int i = 0; i < target.length; i++) {
                int row = target[i] * classes;
                table[i] = rules.get(target[i]) == null ? row : ~row;
            }
            return table;
        }

        int[][] rules() {
            return rules.toArray(new int[0][]);
        }

        int[][] lengths() {
            return lengths.toArray(new int[0][]);
        }
    }
}
