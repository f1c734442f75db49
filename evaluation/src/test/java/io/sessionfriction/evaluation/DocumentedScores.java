package io.sessionfriction.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The score tables docs/rules.md records, so a test can keep them equal to what the rules score now. */
final class DocumentedScores {

    static final Path RULES_DOC = Path.of("..", "docs", "rules.md");

    private DocumentedScores() {
    }

    /** The fenced table between {@code <!-- evaluation:NAME -->} and {@code <!-- /evaluation:NAME -->}. */
    static String table(String name) {
        String doc;
        try {
            doc = Files.readString(RULES_DOC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String open = "<!-- evaluation:" + name + " -->";
        int start = doc.indexOf(open);
        int end = doc.indexOf("<!-- /evaluation:" + name + " -->");
        if (start < 0 || end < start) {
            throw new IllegalStateException(RULES_DOC + " has no block " + open);
        }
        String block = doc.substring(start + open.length(), end).strip();
        return block.replaceFirst("^```\\n", "").replaceFirst("\\n```$", "") + "\n";
    }
}
