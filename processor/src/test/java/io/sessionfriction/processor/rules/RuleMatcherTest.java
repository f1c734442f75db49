package io.sessionfriction.processor.rules;

import static io.sessionfriction.processor.rules.AnEnrichedEvent.aBashError;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aBashProgress;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aBashResult;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aBashToolUse;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aCompactBoundary;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aCompactSummary;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aHookProgress;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aToolError;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aToolResult;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.aUserPrompt;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.anApiError;
import static io.sessionfriction.processor.rules.AnEnrichedEvent.anAssistantText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.event.EnrichedEvent;

/**
 * Each shipped line rule: a line it must fire on (with its excerpt) and a near miss it must not. One line
 * gives at most one signal: the specific rule inhibits the generic one.
 */
class RuleMatcherTest {

    private final RuleMatcher matcher = new RuleMatcher(RuleCatalogue.defaults());

    private List<EnrichedEvent.Signal> signals(AnEnrichedEvent line) {
        return matcher.match(line.build());
    }

    private List<String> rules(AnEnrichedEvent line) {
        return signals(line).stream().map(EnrichedEvent.Signal::ruleId).toList();
    }

    @Nested
    class NormalIteration {
        @Test
        void aFailedCommandIsALowSeveritySignalOfToolError() {
            assertThat(signals(aBashError("toolu_1", "mix test", "Exit code 2\n3 tests, 1 failure")))
                    .containsExactly(new EnrichedEvent.Signal("tool-error", "tool-failure", "low", "Error: Exit code 2"));
        }

        @Test
        void aMissingPathIsAWrongPathNotACommandNotFound() {
            assertThat(signals(aBashError("toolu_1", "cat x.txt", "Exit code 1\ncat: x.txt: No such file or directory")))
                    .containsExactly(new EnrichedEvent.Signal("wrong-path", "tool-failure", "low", "cat: x.txt: No such file or directory"));
            assertThat(rules(aToolError("Read", "<tool_use_error>File does not exist.</tool_use_error>"))).containsExactly("wrong-path");
        }

        @Test
        void aKnockOnOrARefusalIsNoToolError() {
            assertThat(rules(aToolError("Read", "<tool_use_error>Sibling tool call errored</tool_use_error>"))).isEmpty();
            assertThat(rules(aToolError("Edit", "The user doesn't want to proceed with this tool use. The tool use was rejected")))
                    .isEmpty();
        }

        @Test
        void hooksAndSuccessfulResultsAreNothing() {
            // The PostToolUseFailure hook and the result are one failure: the result says it.
            assertThat(rules(aHookProgress("PostToolUseFailure", "toolu_1"))).isEmpty();
            assertThat(rules(aBashResult("toolu_1", "mix test", "3 tests, 0 failures"))).isEmpty();
        }

        @Test
        void aCommandBackgroundedAtItsTimeoutIsNotAnError() {
            assertThat(rules(aBashResult("toolu_1", "rsync -a /data/ host:/data/",
                    "Command running in background with ID: b7636e2. Output is being written to: /tmp/claude-1000/tasks/b7636e2.output")))
                    .isEmpty();
        }
    }

    @Nested
    class PermissionDenied {
        @Test
        void inAnErrorResultItInhibitsTheToolError() {
            assertThat(signals(aBashError("toolu_1", "cat /etc/shadow", "Exit code 1\ncat: /etc/shadow: Permission denied")))
                    .containsExactly(new EnrichedEvent.Signal("permission-denied", "permission", "high", "cat: /etc/shadow: Permission denied"));
        }

        @Test
        void aClaudeCodePermissionWall() {
            assertThat(rules(aToolError("Write", "Claude requested permissions to write to /srv/report.csv, but you haven't granted it yet.")))
                    .containsExactly("permission-denied");
        }

        @Test
        void notAShellThatCouldNotRunTheAgentsOwnSnippet() {
            // zsh's bare "(eval):1: permission denied:" names no path: nothing is walled off.
            assertThat(rules(aBashError("toolu_1", "source lib.sh && rand_hex 16", "Exit code 1\n(eval):1: permission denied:")))
                    .containsExactly("tool-error");
        }

        @Test
        void notInStoredTextACommandPrintsNorInProgressOutput() {
            assertThat(rules(aToolResult("Read", "docs: on 'permission denied' see below"))).isEmpty();
            assertThat(rules(aBashResult("toolu_1", "grep -rn 'Permission denied' logs/", "logs/a.log:3: Permission denied"))).isEmpty();
            assertThat(rules(aBashResult("toolu_2", "bd show spotter-7", "Permission denied errors are retried"))).isEmpty();
            assertThat(rules(aBashProgress("toolu_3", "find / -name x", 4, "/usr/x\nfind: '/root': Permission denied\n"))).isEmpty();
            assertThat(rules(anAssistantText("If you see Permission denied, run chmod."))).isEmpty();
        }
    }

    @Test
    void commandNotFoundIsAMissingProgram() {
        assertThat(signals(aBashError("toolu_1", "tree", "Exit code 127\n(eval):1: command not found: tree")))
                .containsExactly(new EnrichedEvent.Signal("command-not-found", "environment", "high", "(eval):1: command not found: tree"));
        assertThat(rules(aBashResult("toolu_3", "ls", "found 3 files"))).isEmpty();
    }

    @Test
    void authFailureInhibitsThePermissionWallItExplains() {
        assertThat(rules(aBashError("toolu_1", "git push", "Exit code 128\ngit@github.com: Permission denied (publickey).")))
                .containsExactly("auth-failure");
        assertThat(rules(aBashError("toolu_2", "curl api", "Exit code 22\ncurl: (22) The requested URL returned error: 401 Unauthorized")))
                .containsExactly("auth-failure");
        assertThat(rules(anApiError("status 401: OAuth token has expired"))).containsExactly("auth-failure");
        // curl exits 0 on a 401: the output is the command's own report of the server's refusal.
        assertThat(rules(aBashResult("toolu_3", "curl -sS -i https://metrics/api", "HTTP/2 401 \n{\"error\":\"401 Unauthorized\"}")))
                .containsExactly("auth-failure");
        assertThat(rules(aBashResult("toolu_4", "grep -n auth src", "src/auth.py:401: def login(user):"))).isEmpty();
    }

    @Test
    void timeoutOnlyWhereAnErrorIsReported() {
        assertThat(rules(aBashError("toolu_1", "psql -h db", "Exit code 2\npsql: error: connection to server at \"db\" (10.0.0.5), port 5432 failed: Connection timed out")))
                .containsExactly("timeout");
        assertThat(rules(aBashResult("toolu_2", "cat src/client.py", "    raise TimeoutError('request timed out')"))).isEmpty();
        assertThat(rules(aBashProgress("toolu_3", "pytest", 30, "tests/test_io.py::test_read FAILED TimeoutError"))).isEmpty();
    }

    @Test
    void pythonEnvironmentInhibitsTheMissingCommandItExplains() {
        assertThat(signals(aBashError("toolu_1", "python analyze.py", "Exit code 1\nTraceback (most recent call last):\n  File \"analyze.py\", line 1\nModuleNotFoundError: No module named 'pandas'")))
                .containsExactly(new EnrichedEvent.Signal("python-env", "environment", "high", "ModuleNotFoundError: No module named 'pandas'"));
        assertThat(rules(aBashError("toolu_2", "python x.py", "Exit code 1\nImportError: cannot import name 'x' from 'y'"))).containsExactly("python-env");
        assertThat(rules(aBashError("toolu_3", "python x.py", "Exit code 127\n/bin/bash: line 1: python: command not found")))
                .containsExactly("python-env");
        assertThat(rules(aBashResult("toolu_4", "python x.py", "imported 3 modules"))).isEmpty();
    }

    @Test
    void dataSync() {
        assertThat(rules(aBashError("toolu_1", "rsync -a src/ host:/dst/",
                "Exit code 23\nrsync: [sender] link_stat \"/src/x\" failed: No such file or directory (2)\nrsync error: some files/attrs were not transferred (see previous errors) (code 23) at main.c(1338)")))
                .containsExactly("data-sync");
        assertThat(rules(aBashProgress("toolu_2", "rsync -a src/ host:/dst/", 40, "sending incremental file list\nrsync: connection unexpectedly closed (0 bytes received so far) [sender]")))
                .isEmpty();
    }

    @Nested
    class HiddenFailure {
        @Test
        void aTestFailureBehindAPipeIntoTail() {
            assertThat(signals(aBashResult("toolu_1", "mix test 2>&1 | tail -5", "Finished in 1.9 seconds\n14 doctests, 297 tests, 11 failures")))
                    .containsExactly(new EnrichedEvent.Signal("hidden-failure", "tool-failure", "medium", "14 doctests, 297 tests, 11 failures"));
            assertThat(rules(aBashResult("toolu_2", "pytest -q || true", "Traceback (most recent call last):\n  File \"t.py\""))).containsExactly("hidden-failure");
        }

        @Test
        void notASuccessNorAFailureTheExitCodeShows() {
            assertThat(rules(aBashResult("toolu_1", "mix test 2>&1 | tail -5", "14 doctests, 297 tests, 0 failures"))).isEmpty();
            assertThat(rules(aBashResult("toolu_2", "mix test", "14 doctests, 297 tests, 11 failures"))).isEmpty();
            assertThat(rules(aBashError("toolu_3", "mix test | tail -5", "Exit code 2\n3 failures"))).containsExactly("tool-error");
            assertThat(rules(aBashResult("toolu_4", "grep -rn 'FAIL' test/ | head", "test/a_test.exs:3: assert \"FAIL\""))).isEmpty();
        }
    }

    @Test
    void apiError() {
        assertThat(signals(anApiError("status 529: Overloaded")))
                .containsExactly(new EnrichedEvent.Signal("api-error", "api", "medium", "status 529: Overloaded"));
        assertThat(rules(anAssistantText("The API returned 529 earlier."))).isEmpty();
    }

    @Test
    void contextOverflowIsAnAutomaticCompactionNotAChosenOne() {
        assertThat(rules(aCompactBoundary("auto"))).containsExactly("context-overflow");
        assertThat(rules(aCompactBoundary("manual"))).isEmpty();
        // The continuation summary belongs to its boundary, which says how the compaction came about.
        assertThat(rules(aCompactSummary("boundary-uuid"))).isEmpty();
    }

    @Test
    void promptsAreJudgedByTheConversationNotByWords() {
        // user-confusion and user-rejection are stateful: the alert stage reads the conversation around the prompt.
        assertThat(rules(aUserPrompt("scrolling back in xterm.js still does not work"))).isEmpty();
        assertThat(rules(aUserPrompt("[Request interrupted by user for tool use]"))).isEmpty();
    }

    @Test
    void aToolUseItselfIsNeverFriction() {
        assertThat(rules(aBashToolUse("toolu_1", "cat /etc/shadow # Permission denied? command not found?"))).isEmpty();
    }
}
