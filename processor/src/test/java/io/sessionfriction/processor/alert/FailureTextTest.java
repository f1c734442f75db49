package io.sessionfriction.processor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureTextTest {

    @Test
    void theLineThatReportsTheErrorNotTheExitCodeOrABanner() {
        assertThat(FailureText.firstErrorLine("Exit code 128\nfatal: The current branch x has no upstream branch.\nTo push ..."))
                .isEqualTo("fatal: The current branch x has no upstream branch.");
        assertThat(FailureText.firstErrorLine("Error: Exit code 2\nCompiling 4 files (.ex)\nGenerated app\n5 tests, 5 failures"))
                .isEqualTo("5 tests, 5 failures");
        assertThat(FailureText.firstErrorLine("<tool_use_error>String to replace not found in file.</tool_use_error>"))
                .isEqualTo("String to replace not found in file.");
        assertThat(FailureText.firstErrorLine("Exit code 1\nsome output")).isEqualTo("some output");
        // A hook's message with its line breaks escaped reads as the lines it means.
        assertThat(FailureText.firstErrorLine("Pre-commit validation failed:\\n\\n[CREDO]\\nChecking 114 source files\n  Software Design"))
                .isEqualTo("Pre-commit validation failed:");
        assertThat(FailureText.firstErrorLine("Exit code 1")).isNull();
    }

    @Test
    void theSameErrorAgainDespiteVolatilePartsButNotADifferentOne() {
        String denied = "Exit code 2\npsql: error: connection to server at \"db\" (10.0.0.%d), port 5432 failed: FATAL: password authentication failed";
        assertThat(FailureText.similar(FailureText.signature(denied.formatted(5)), FailureText.signature(denied.formatted(6)))).isTrue();
        String first = "Exit code 2\nRunning ExUnit with seed: 1\n\n  1) test mount renders (Web.LiveTest)\n  ** (RuntimeException) no secret_key_base";
        String next = "Exit code 2\nRunning ExUnit with seed: 2\n\n  1) test mount renders (Web.LiveTest)\n  ** (UndefinedFunctionError) lazy_html missing\n"
                + "  2) test list (Web.LiveTest)\n  Assertion with =~ failed";
        assertThat(FailureText.similar(FailureText.signature(first), FailureText.signature(next))).isFalse();
        assertThat(FailureText.similar(FailureText.signature(""), FailureText.signature(""))).isTrue();
    }
}
