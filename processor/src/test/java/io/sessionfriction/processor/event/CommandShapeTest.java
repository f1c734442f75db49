package io.sessionfriction.processor.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a Bash command is read: its deciding program, whether its output is stored text, whether its exit code hides a failure. */
class CommandShapeTest {

    @Test
    void theProgramAndSubcommandOfTheStepThatDecides() {
        assertThat(CommandShape.of("mix test test/a_test.exs 2>&1 | tail -5").programKey()).isEqualTo("mix test");
        assertThat(CommandShape.of("cd /home/x/assets && node build.js 2>&1").programKey()).isEqualTo("node build.js");
        assertThat(CommandShape.of("node assets/build.js").programKey()).isEqualTo("node build.js");
        assertThat(CommandShape.of("head -c 500 f.jsonl | python3 -c \"import sys\"").programKey()).isEqualTo("python3 -c");
        assertThat(CommandShape.of("python -m pytest tests/ -q").programKey()).isEqualTo("python -m pytest");
        assertThat(CommandShape.of("source .venv/bin/activate && python scripts/load.py --all").programKey()).isEqualTo("python load.py");
        assertThat(CommandShape.of("psql -h warehouse.internal -U bob -f q.sql").programKey()).isEqualTo("psql");
        assertThat(CommandShape.of("FOO=1 sudo /usr/bin/git push origin main").programKey()).isEqualTo("git push");
        assertThat(CommandShape.of("timeout 30 dbt run --select finance").programKey()).isEqualTo("dbt run");
        assertThat(CommandShape.of("").programKey()).isNull();
    }

    @Test
    void aCommitMessageOrAHeredocNeverSplitsTheCommand() {
        String commit = "git add .beads/ && git commit -m \"$(cat <<'EOF'\nfeat: a; b && c | d\n\nCo-Authored-By: x\nEOF\n)\"";
        assertThat(CommandShape.of(commit).programKey()).isEqualTo("git commit");
        assertThat(CommandShape.of(commit).allKeys()).containsExactly("git add", "git commit");
        assertThat(CommandShape.of(commit).hidesExitCode()).isFalse();
        assertThat(CommandShape.of("echo 'a | b; c' && ls").allKeys()).containsExactly("echo", "ls");
    }

    @Test
    void storedTextIsWhatFilePrintersSearchesAndRecordViewersPrint() {
        assertThat(CommandShape.of("cat notes.md").printsContent()).isTrue();
        assertThat(CommandShape.of("grep -rn timeout lib/ | head -20").printsContent()).isTrue();
        assertThat(CommandShape.of("git log --oneline -5").printsContent()).isTrue();
        assertThat(CommandShape.of("bd show spotter-gqc.7").printsContent()).isTrue();
        assertThat(CommandShape.of("git push origin main").printsContent()).isFalse();
        assertThat(CommandShape.of("curl -sS https://metrics/api").printsContent()).isFalse();
        assertThat(CommandShape.of("mix test 2>&1 | tail -5").printsContent()).isFalse();
    }

    @Test
    void aFilterOrAFallbackHidesTheExitCode() {
        assertThat(CommandShape.of("mix test 2>&1 | tail -30").hidesExitCode()).isTrue();
        assertThat(CommandShape.of("npm test | grep -E 'passing|failing'").hidesExitCode()).isTrue();
        assertThat(CommandShape.of("pytest -q || true").hidesExitCode()).isTrue();
        assertThat(CommandShape.of("make check; echo done").hidesExitCode()).isTrue();
        assertThat(CommandShape.of("mix test").hidesExitCode()).isFalse();
        assertThat(CommandShape.of("grep -rn x lib | head").hidesExitCode()).isFalse();
        assertThat(CommandShape.of("make || make clean && make").hidesExitCode()).isFalse();
    }
}
