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
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.event.EnrichedEvent;

/** Each shipped line rule: a line it must fire on (with its excerpt) and a near miss it must not. */
class RuleMatcherTest {

    private final RuleMatcher matcher = new RuleMatcher(RuleCatalogue.defaults());

    private List<EnrichedEvent.Signal> signals(AnEnrichedEvent line) {
        return matcher.match(line.build());
    }

    private List<String> rules(AnEnrichedEvent line) {
        return signals(line).stream().map(EnrichedEvent.Signal::ruleId).toList();
    }

    @Nested
    class ToolError {
        @Test
        void anErrorResultIsAToolError() {
            assertThat(signals(aBashError("toolu_1", "mix test", "Exit code 2\n3 tests, 1 failure")))
                    .containsExactly(new EnrichedEvent.Signal("tool-error", "tool-failure", "medium", "Error: Exit code 2"));
        }

        @Test
        void aPostToolUseFailureHookIsAToolError() {
            assertThat(signals(aHookProgress("PostToolUseFailure", "toolu_1")))
                    .containsExactly(new EnrichedEvent.Signal("tool-error", "tool-failure", "medium", "PostToolUseFailure:Bash"));
        }

        @Test
        void aSuccessfulResultAndOtherHooksAreNot() {
            assertThat(rules(aBashResult("toolu_1", "mix test", "3 tests, 0 failures"))).isEmpty();
            assertThat(rules(aHookProgress("PostToolUse", "toolu_1"))).isEmpty();
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
        void inAnErrorResult() {
            assertThat(signals(aBashError("toolu_1", "cat /etc/shadow", "Exit code 1\ncat: /etc/shadow: Permission denied")))
                    .extracting(EnrichedEvent.Signal::ruleId, EnrichedEvent.Signal::excerpt)
                    .contains(tuple("permission-denied", "cat: /etc/shadow: Permission denied"));
        }

        @Test
        void inBashOutputWhileTheCommandRuns() {
            assertThat(rules(aBashProgress("toolu_1", "find / -name x", 4, "/usr/x\nfind: '/root': Permission denied\n")))
                    .containsExactly("permission-denied");
        }

        @Test
        void onlyInTheOutputAProgressLineAddsNotAgainInTheOutputSoFar() {
            String soFar = "/usr/x\nfind: '/root': Permission denied\n/usr/y\n/usr/z\n";
            assertThat(rules(aBashProgress("toolu_1", "find / -name x", 9, soFar, "/usr/y\n/usr/z\n"))).isEmpty();
        }

        @Test
        void aClaudeCodePermissionWall() {
            assertThat(rules(aToolError("Write", "Claude requested permissions to write to /srv/report.csv, but you haven't granted it yet.")))
                    .contains("permission-denied");
        }

        @Test
        void notInAReadOfAFileThatMentionsIt() {
            assertThat(rules(aToolResult("Read", "docs: on 'permission denied' see below"))).isEmpty();
            assertThat(rules(anAssistantText("If you see Permission denied, run chmod."))).isEmpty();
        }
    }

    @Test
    void commandNotFoundAndNoSuchFile() {
        assertThat(signals(aBashError("toolu_1", "tree", "Exit code 127\n(eval):1: command not found: tree")))
                .extracting(EnrichedEvent.Signal::ruleId, EnrichedEvent.Signal::excerpt)
                .contains(tuple("command-not-found", "(eval):1: command not found: tree"));
        assertThat(rules(aBashError("toolu_2", "cat x.txt", "Exit code 1\ncat: x.txt: No such file or directory")))
                .contains("command-not-found");
        assertThat(rules(aToolError("Read", "File does not exist."))).contains("command-not-found");
        assertThat(rules(aBashResult("toolu_3", "ls", "found 3 files"))).isEmpty();
    }

    @Test
    void authFailure() {
        assertThat(rules(aBashError("toolu_1", "git push", "Exit code 128\ngit@github.com: Permission denied (publickey).")))
                .contains("auth-failure", "permission-denied");
        assertThat(rules(aBashError("toolu_2", "curl api", "Exit code 22\ncurl: (22) The requested URL returned error: 401 Unauthorized")))
                .contains("auth-failure");
        assertThat(rules(anApiError("status 401: OAuth token has expired"))).contains("auth-failure");
        assertThat(rules(aBashResult("toolu_3", "grep -n auth src", "src/auth.py:401: def login(user):"))).isEmpty();
    }

    @Test
    void timeout() {
        assertThat(rules(aBashError("toolu_1", "psql -h db", "Exit code 2\npsql: error: connection to server at \"db\" (10.0.0.5), port 5432 failed: Connection timed out")))
                .contains("timeout");
        assertThat(rules(aBashProgress("toolu_2", "pytest", 30, "tests/test_io.py::test_read FAILED TimeoutError")))
                .containsExactly("timeout");
        assertThat(rules(aBashResult("toolu_3", "pytest", "tests/test_timeout_setting.py::test_default PASSED"))).isEmpty();
    }

    @Test
    void pythonEnvironment() {
        assertThat(signals(aBashError("toolu_1", "python analyze.py", "Exit code 1\nTraceback (most recent call last):\n  File \"analyze.py\", line 1\nModuleNotFoundError: No module named 'pandas'")))
                .extracting(EnrichedEvent.Signal::ruleId, EnrichedEvent.Signal::excerpt)
                .contains(tuple("python-env", "ModuleNotFoundError: No module named 'pandas'"));
        assertThat(rules(aBashError("toolu_2", "python x.py", "Exit code 1\nImportError: cannot import name 'x' from 'y'"))).contains("python-env");
        assertThat(rules(aBashError("toolu_3", "python x.py", "Exit code 127\n/bin/bash: line 1: python: command not found")))
                .contains("python-env", "command-not-found");
        assertThat(rules(aBashResult("toolu_4", "python x.py", "imported 3 modules"))).isEmpty();
    }

    @Test
    void dataSync() {
        assertThat(rules(aBashError("toolu_1", "rsync -a src/ host:/dst/",
                "Exit code 23\nrsync: [sender] link_stat \"/src/x\" failed: No such file or directory (2)\nrsync error: some files/attrs were not transferred (see previous errors) (code 23) at main.c(1338)")))
                .contains("data-sync");
        assertThat(rules(aBashProgress("toolu_2", "rsync -a src/ host:/dst/", 40, "sending incremental file list\nrsync: connection unexpectedly closed (0 bytes received so far) [sender]")))
                .contains("data-sync");
        assertThat(rules(aBashProgress("toolu_3", "rsync -a src/ host:/dst/", 40, "sending incremental file list\nfile1.csv\nfile2.csv"))).isEmpty();
    }

    @Test
    void apiError() {
        assertThat(signals(anApiError("status 529: Overloaded")))
                .containsExactly(new EnrichedEvent.Signal("api-error", "api", "medium", "status 529: Overloaded"));
        assertThat(rules(anAssistantText("The API returned 529 earlier."))).isEmpty();
    }

    @Test
    void contextOverflow() {
        assertThat(rules(aCompactBoundary())).containsExactly("context-overflow");
        assertThat(rules(aCompactSummary("boundary-uuid"))).containsExactly("context-overflow");
        assertThat(rules(aUserPrompt("summarize the session so far"))).isEmpty();
    }

    @Test
    void userConfusion() {
        assertThat(rules(aUserPrompt("scrolling back in xterm.js still does not work"))).containsExactly("user-confusion");
        assertThat(rules(aUserPrompt("mix phx.server doesnt seem to start"))).containsExactly("user-confusion");
        assertThat(rules(aUserPrompt("why is the churn table empty again??"))).containsExactly("user-confusion");
        assertThat(rules(aUserPrompt("load the churn table and plot weekly actives"))).isEmpty();
    }

    @Test
    void onlyTheAnalystsPromptsShowConfusion() {
        // A subagent's prompt comes from the parent agent; an isMeta line is an injected reminder.
        assertThat(rules(aUserPrompt("Find why the tests still fail").raw("isSidechain", true))).isEmpty();
        assertThat(rules(aUserPrompt("<system-reminder>the build still fails</system-reminder>").raw("isMeta", true))).isEmpty();
    }

    @Test
    void userRejection() {
        assertThat(rules(aToolError("Edit", "The user doesn't want to proceed with this tool use. The tool use was rejected")))
                .containsExactly("tool-error", "user-rejection");
        assertThat(rules(aUserPrompt("[Request interrupted by user for tool use]"))).containsExactly("user-rejection");
    }

    @Test
    void aToolUseItselfIsNeverFriction() {
        assertThat(rules(aBashToolUse("toolu_1", "cat /etc/shadow # Permission denied? command not found?"))).isEmpty();
    }
}
