package io.sessionfriction.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LiteralScannerTest {

    private final LiteralScanner scanner = new LiteralScanner(List.of(
            List.of("ghp_", "gho_"),
            List.of("password"),
            List.of("sk-", "sk-ant-"),
            List.of("word")));

    @Test
    void marksEveryRuleWhoseLiteralOccursWhateverItsCase() {
        boolean[] hits = new boolean[4];

        assertThat(scanner.scan("export GITHUB=GHP_abc; echo PassWord", hits)).isTrue();

        assertThat(hits).containsExactly(true, true, false, true);
    }

    @Test
    void findsLiteralsThatOverlapOrEndTheText() {
        boolean[] hits = new boolean[4];

        // "passworsk-ant-" holds "sk-" and "sk-ant-" after a failed "passwor..." partial match.
        assertThat(scanner.scan("passworsk-ant-", hits)).isTrue();

        assertThat(hits).containsExactly(false, false, true, false);
    }

    @Test
    void textWithoutAnyLiteralMarksNothingAndNonAsciiCharsBreakAMatch() {
        boolean[] hits = new boolean[4];

        assertThat(scanner.scan("passw\u00f6rd, gh\u00fcp_, s\u212a-", hits)).isFalse();
        assertThat(scanner.scan("", hits)).isFalse();

        assertThat(hits).containsExactly(false, false, false, false);
    }
}
