package io.sessionfriction.replay.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.Severity;

/**
 * A draft is pasted into a tracker that renders Markdown and some HTML: every piece of transcript text in
 * it (commands, descriptions, evidence, fingerprints, users, session ids) sits in a code span or a fenced
 * block whose backtick run is longer than any inside, so none of it can render as markup.
 */
class IssueDraftTest {

    private static final String HTML = "<img src=x onerror=alert(1)>";

    private static FrictionPoint pointFromHostileText() {
        FrictionAlert alert = new FrictionAlert(FrictionAlert.SCHEMA_VERSION, "a-1", "s`1", "eve" + HTML, "permission-denied",
                "permission", Severity.HIGH, List.of("bug"), "cp ``x`` " + HTML, ReplayFixtures.T0, 1, 0, 0.0,
                List.of(new FrictionAlert.Evidence("u-1", ReplayFixtures.T0, "before\n```\n" + HTML + "\n````\nafter")),
                new FrictionAlert.Context("cp `a` b " + HTML, "Copy " + HTML + " **now**", "/home/eve", List.of()), null, null, null);
        return FrictionPoints.group(List.of(alert), RuleCatalogue.defaults()).get(0);
    }

    @Test
    void transcriptTextRendersAsCodeOnly() {
        String draft = IssueDraft.markdown(pointFromHostileText());

        assertThat(outsideCode(draft)).doesNotContain("<img", "onerror", "**now**").doesNotContain("`");
        assertThat(draft).contains("| Fingerprint | ```cp ``x`` " + HTML + "``` |").contains("  `````text\n  before\n  ```\n  " + HTML);
    }

    /** The draft with its fenced blocks and code spans removed, as CommonMark reads them. */
    static String outsideCode(String markdown) {
        StringBuilder outside = new StringBuilder();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = Pattern.compile("^ {0,3}(?:- )?\\s*(`{3,})").matcher(lines[i]);
            if (open.find() && !lines[i].substring(open.end()).contains("`")) {
                String fence = open.group(1);
                int close = i + 1;
                while (close < lines.length && !lines[close].strip().matches("`{" + fence.length() + ",}")) {
                    close++;
                }
                i = close;
                continue;
            }
            outside.append(withoutSpans(lines[i])).append('\n');
        }
        return outside.toString();
    }

    private static String withoutSpans(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                out.append(line.charAt(i++));
                continue;
            }
            int run = i;
            while (run < line.length() && line.charAt(run) == '`') {
                run++;
            }
            String ticks = line.substring(i, run);
            int close = findRun(line, run, ticks.length());
            if (close < 0) {
                out.append(ticks);
                i = run;
            } else {
                i = close + ticks.length();
            }
        }
        return out.toString();
    }

    private static int findRun(String line, int from, int length) {
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == '`') {
                int run = i;
                while (run < line.length() && line.charAt(run) == '`') {
                    run++;
                }
                if (run - i == length) {
                    return i;
                }
                i = run;
            }
        }
        return -1;
    }
}
