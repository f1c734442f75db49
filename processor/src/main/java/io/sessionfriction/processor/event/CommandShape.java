package io.sessionfriction.processor.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Bash command is made of, as far as friction is concerned: its steps ({@code a && b; c}), each a
 * pipeline ({@code p | f}), and for each the program that matters. Quotes, {@code $(...)} and heredocs
 * are skipped over, so a commit message or a heredoc never splits a command. Regexes on command text,
 * never on JSON.
 *
 * <p>Three questions are answered from it: which program and subcommand a step runs ({@code git commit},
 * {@code mix test}: what "the same step" means when the agent varies the arguments); whether the output is
 * content the command printed (a file, a grep hit: error words in it are quoted, not suffered); and
 * whether the command's exit code hides a failure ({@code cmd | tail}, {@code cmd || true}: the exit code
 * is the filter's or the fallback's).
 */
public final class CommandShape {

    /** Programs that print stored text (files, search hits, history): their output is content, not their own report. */
    private static final Set<String> CONTENT_PRINTERS = Set.of("cat", "head", "tail", "less", "more", "bat", "grep", "egrep",
            "fgrep", "rg", "ag", "ack", "sed", "awk", "find", "ls", "tree", "diff", "wc", "nl", "xxd", "od", "strings", "stat",
            "file", "jq", "echo", "printf", "gh");
    private static final Set<String> GIT_CONTENT = Set.of("show", "log", "diff", "grep", "blame", "cat-file");
    /** Subcommands that print stored records whatever the program (an issue tracker's show, a CLI's view or list). */
    private static final Set<String> CONTENT_SUBCOMMANDS = Set.of("show", "view", "list", "cat", "describe", "read", "log", "search",
            "print", "dump", "export");
    /** Programs that only pass on or trim what they are fed: the step's exit code becomes theirs. */
    private static final Set<String> FILTERS = Set.of("tail", "head", "grep", "egrep", "fgrep", "rg", "less", "more", "sort",
            "uniq", "wc", "cut", "tee", "sed", "awk", "tr", "column", "cat");
    /** Words before the program that do not change which program runs. */
    private static final Set<String> WRAPPERS = Set.of("sudo", "time", "env", "nice", "nohup", "exec", "command", "builtin");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Pattern SUBCOMMAND = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern FALLBACK = Pattern.compile("true|:|echo|printf|exit");
    /** A redirection ({@code >out}, {@code 2>&1}, {@code <in}) written as a word of its own. */
    private static final Pattern REDIRECTION = Pattern.compile("\\d*[<>].*");
    /** Programs that run a script: the script (or module) is what they do, as a subcommand is for git. */
    private static final Pattern INTERPRETER = Pattern.compile("python[0-9.]*|node|ruby|perl|php|bash|sh|zsh|rscript|deno|bun|tsx|ts-node");

    private final List<Step> steps;

    private CommandShape(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** One step between {@code &&}, {@code ||}, {@code ;} or a newline: a pipeline of programs. */
    private record Step(List<List<String>> pipeline, String joinedBy) {

        List<String> producer() {
            return pipeline.get(0);
        }

        List<String> last() {
            return pipeline.get(pipeline.size() - 1);
        }
    }

    public static CommandShape of(String command) {
        List<Step> steps = new ArrayList<>();
        if (command == null) {
            return new CommandShape(steps);
        }
        Splitter splitter = new Splitter(command);
        for (Splitter.Part part : splitter.steps()) {
            List<List<String>> pipeline = new ArrayList<>();
            for (String element : part.pipeline()) {
                List<String> words = words(element);
                if (!words.isEmpty()) {
                    pipeline.add(words);
                }
            }
            if (!pipeline.isEmpty()) {
                steps.add(new Step(pipeline, part.joinedBy()));
            }
        }
        return new CommandShape(steps);
    }

    /**
     * The program and subcommand of the step that decides the outcome: the last step, and in it the
     * producer when the rest of its pipeline only filters ({@code mix test 2>&1 | tail -5} is {@code mix test}),
     * else the last program ({@code head f | python3 -c ...} is {@code python3}). Null for an empty command.
     */
    public String programKey() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            String key = key(decisive(step));
            if (key != null && !key.equals("cd")) {
                return key;
            }
        }
        return null;
    }

    /** The program keys of every step: a command that succeeds has succeeded at each of them. */
    public Set<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Step step : steps) {
            for (List<String> element : step.pipeline()) {
                String key = key(element);
                if (key != null && !key.equals("cd")) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** True when what the command printed is stored text (a file, search hits, history), not the command's own report. */
    public boolean printsContent() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            List<String> producer = program(steps.get(i).producer());
            if (producer.isEmpty() || producer.get(0).equals("cd")) {
                continue;
            }
            String name = producer.get(0);
            String subcommand = producer.size() > 1 ? producer.get(1) : "";
            if (name.equals("git")) {
                return GIT_CONTENT.contains(subcommand);
            }
            return CONTENT_PRINTERS.contains(name) || CONTENT_SUBCOMMANDS.contains(subcommand);
        }
        return false;
    }

    /**
     * True when the exit code cannot show a failure: a program's output piped into a filter
     * ({@code cmd | tail -30}, whose exit code is tail's), or a fallback after {@code ||} or {@code ;}
     * ({@code cmd || true}).
     */
    public boolean hidesExitCode() {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.pipeline().size() > 1 && !isFilter(step.producer()) && isFilter(step.last())) {
                return true;
            }
            boolean fallback = i > 0 && ("||".equals(step.joinedBy()) || ";".equals(step.joinedBy()))
                    && !program(step.producer()).isEmpty() && FALLBACK.matcher(program(step.producer()).get(0)).matches();
            if (fallback && i == steps.size() - 1) {
                return true;
            }
        }
        return false;
    }

    private static List<String> decisive(Step step) {
        for (int i = step.pipeline().size() - 1; i > 0; i--) {
            if (!isFilter(step.pipeline().get(i))) {
                return step.pipeline().get(i);
            }
        }
        return step.producer();
    }

    private static boolean isFilter(List<String> element) {
        List<String> program = program(element);
        return !program.isEmpty() && FILTERS.contains(program.get(0));
    }

    private static String key(List<String> element) {
        List<String> program = program(element);
        if (program.isEmpty()) {
            return null;
        }
        String name = program.get(0);
        if (INTERPRETER.matcher(name).matches()) {
            return name + script(program);
        }
        if (program.size() > 1 && SUBCOMMAND.matcher(program.get(1)).matches()) {
            return name + ' ' + program.get(1);
        }
        return name;
    }

    /** What an interpreter runs: its script's file name, {@code -m module}, or {@code -c} for inline code. */
    private static String script(List<String> program) {
        for (int i = 1; i < program.size(); i++) {
            String word = program.get(i);
            if (word.equals("-m") && i + 1 < program.size()) {
                return " -m " + program.get(i + 1);
            }
            if (word.equals("-c") || word.equals("-e")) {
                return " " + word;
            }
            if (!word.startsWith("-")) {
                return " " + word.substring(word.lastIndexOf('/') + 1);
            }
        }
        return "";
    }

    /** The words from the program on: assignments and wrappers dropped, the program's path reduced to its name. */
    private static List<String> program(List<String> words) {
        int start = 0;
        while (start < words.size() && (ASSIGNMENT.matcher(words.get(start)).matches() || WRAPPERS.contains(words.get(start)))) {
            start++;
        }
        if (start < words.size() && words.get(start).equals("timeout")) {
            start += start + 1 < words.size() ? 2 : 1;
        }
        if (start >= words.size()) {
            return List.of();
        }
        List<String> program = new ArrayList<>(words.subList(start, words.size()));
        String name = program.get(0);
        program.set(0, name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
        return program;
    }

    /** The words of one pipeline element, quotes removed; redirections like {@code 2>&1} are dropped. */
    private static List<String> words(String element) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                addWord(words, word);
            } else {
                word.append(c);
            }
        }
        addWord(words, word);
        return words;
    }

    private static void addWord(List<String> words, StringBuilder word) {
        if (!word.isEmpty()) {
            String text = word.toString();
            if (!REDIRECTION.matcher(text).matches()) {
                words.add(text);
            }
            word.setLength(0);
        }
    }

    /** Splits a command at top level: not inside quotes, {@code $(...)}, backticks or a heredoc body. */
    private static final class Splitter {

        record Part(List<String> pipeline, String joinedBy) {
        }

        private final String text;
        private final List<Part> parts = new ArrayList<>();
        private final List<String> pipeline = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private String joinedBy = null;

        Splitter(String text) {
            this.text = text;
        }

        List<Part> steps() {
            char quote = 0;
            int depth = 0;
            String heredoc = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (heredoc != null) {
                    int end = text.indexOf('\n', i);
                    String line = text.substring(i, end < 0 ? text.length() : end).strip();
                    if (line.equals(heredoc) || line.startsWith(heredoc + ")")) {
                        heredoc = null;
                    }
                    i = end < 0 ? text.length() : end;
                    continue;
                }
                if (quote == '\'') {
                    quote = c == '\'' ? 0 : quote;
                    current.append(c);
                    continue;
                }
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(c).append(text.charAt(++i));
                    continue;
                }
                if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                    depth++;
                    current.append("$(");
                    i++;
                    continue;
                }
                if (depth > 0 && c == ')') {
                    depth--;
                    current.append(c);
                    continue;
                }
                // A heredoc starts at top level or inside $(...) (a commit message), never inside a plain string.
                if (c == '<' && text.startsWith("<<", i) && !text.startsWith("<<<", i) && (quote == 0 || depth > 0)) {
                    String marker = heredocMarker(i + 2);
                    if (marker != null) {
                        heredoc = marker;
                    }
                    current.append(c);
                    continue;
                }
                if (quote == '"') {
                    quote = c == '"' && depth == 0 ? 0 : quote;
                    current.append(c);
                    continue;
                }
                if (depth > 0) {
                    current.append(c);
                    continue;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                    current.append(c);
                } else if (c == '&' && text.startsWith("&&", i)) {
                    endStep("&&");
                    i++;
                } else if (c == '|' && text.startsWith("||", i)) {
                    endStep("||");
                    i++;
                } else if (c == '|') {
                    pipeline.add(current.toString());
                    current.setLength(0);
                } else if (c == ';' || c == '\n') {
                    endStep(";");
                } else {
                    current.append(c);
                }
            }
            endStep(null);
            return parts;
        }

        private String heredocMarker(int from) {
            int i = from;
            while (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == ' ')) {
                i++;
            }
            StringBuilder marker = new StringBuilder();
            while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ')') {
                char c = text.charAt(i++);
                if (c != '\'' && c != '"') {
                    marker.append(c);
                }
            }
            return marker.isEmpty() ? null : marker.toString();
        }

        private void endStep(String next) {
            pipeline.add(current.toString());
            current.setLength(0);
            if (pipeline.stream().anyMatch(p -> !p.isBlank())) {
                parts.add(new Part(List.copyOf(pipeline.stream().filter(p -> !p.isBlank()).toList()), joinedBy));
            }
            pipeline.clear();
            joinedBy = next;
        }
    }
}
