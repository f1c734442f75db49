package io.sessionfriction.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LiteralScannerTest {

    private final LiteralScanner scanner = new LiteralScanner(List.of(
            List.of("ghp_", "gho_"),
            List.of("password"),
            List.of("sk-", "sk-ant-"),
            List.of("word")));
    private final LiteralScanner.Hits hits = new LiteralScanner.Hits(4);

    @Test
    void marksEveryRuleWhoseLiteralOccursWhateverItsCaseAndWhereItStarts() {
        assertThat(scanner.scan("export GITHUB=GHP_abc; echo PassWord", hits)).isTrue();

        assertThat(named()).containsExactly(true, true, false, true);
        assertThat(occurrences()).containsExactly("0@14", "1@28", "3@32");
    }

    @Test
    void findsLiteralsThatOverlapOrEndTheText() {
        // "passworsk-ant-" holds "sk-" and "sk-ant-" after a failed "passwor..." partial match.
        assertThat(scanner.scan("passworsk-ant-", hits)).isTrue();

        assertThat(named()).containsExactly(false, false, true, false);
        assertThat(occurrences()).containsExactly("2@7", "2@7");
    }

    @Test
    void textWithoutAnyLiteralMarksNothingAndNonAsciiCharsBreakAMatch() {
        assertThat(scanner.scan("passw\u00f6rd, gh\u00fcp_, s\u212a-", hits)).isFalse();
        assertThat(scanner.scan("", hits)).isFalse();

        assertThat(named()).containsExactly(false, false, false, false);
        assertThat(hits.count()).isZero();
    }

    private List<Boolean> named() {
        List<Boolean> named = new ArrayList<>();
        for (int rule = 0; rule < 4; rule++) {
            named.add(hits.named(rule));
        }
        return named;
    }

    private List<String> occurrences() {
        List<String> found = new ArrayList<>();
        for (int k = 0; k < hits.count(); k++) {
            found.add(hits.rule(k) + "@" + hits.start(k));
        }
        return found;
    }
}
