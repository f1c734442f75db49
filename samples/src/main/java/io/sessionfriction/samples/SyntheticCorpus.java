package io.sessionfriction.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * A large corpus of random but realistic sessions for benchmarks: prompts, reads, edits, quick and long
 * Bash calls with progress, frictions drawn from a catalogue, retry loops, idle gaps of minutes to days,
 * API errors, compactions and subagents, spread over users and four weeks. Every line is valid JSON.
 * Text is drawn from pools built once, so writing is bound by Jackson and the disk, not by formatting.
 */
final class SyntheticCorpus {
    private static final int POOL_SIZE = 24;
    private static final String[] PROMPTS = {
        "Load the latest export and summarise revenue by region", "Why is the nightly job slower this week?",
        "Add a test for the currency conversion", "Refactor the loader to stream the CSV",
        "Check the data quality of the February partition", "Plot weekly active users for the last quarter",
        "Sync the raw files from the warehouse box", "Fix the failing CI step", "it still doesn't work, why?"};
    private static final String[] REPLIES = {
        "Done. The totals match the finance report to the cent.", "I'll look at the loader first.",
        "The partition has 0.3% null customer ids; everything else passes.", "Let me run the tests again.",
        "The job spends most of its time in the join; an index on customer_id should help."};

    private final Ids ids;
    private final long base;
    private final JsonFactory factory = new JsonFactory();
    private final String[] sourceFiles = new String[POOL_SIZE];
    private final String[] buildLogs = new String[POOL_SIZE];
    private final List<Shell> frictions = new ArrayList<>();

    SyntheticCorpus(long seed, Instant baseTime) {
        this.ids = new Ids(seed);
        this.base = baseTime.toEpochMilli();
        for (int i = 0; i < POOL_SIZE; i++) {
            sourceFiles[i] = sourceFile(ids.between(20, 220));
            buildLogs[i] = buildLog(ids.between(10, 400));
        }
        frictions.addAll(catalogue());
    }

    void write(Path root, long targetBytes, int users, LongConsumer bytesWritten) throws IOException {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, was " + users);
        }
        long total = 0;
        for (int session = 0; total < targetBytes; session++) {
            String user = String.format(Locale.ROOT, "user-%03d", session % users);
            total += writeSession(root, user);
            bytesWritten.accept(total);
        }
    }

    private long writeSession(Path root, String user) throws IOException {
        String sessionId = ids.uuid();
        long start = base + (long) ids.between(0, 28 * 24 * 60) * 60_000L + ids.between(0, 59_999);
        String date = LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC).toString();
        List<JsonlFile> subagents = new ArrayList<>();
        JsonlFile out = JsonlFile.create(factory, root.resolve(user).resolve(date + "_" + sessionId + ".jsonl"));
        try (out) {
            Transcript t = new Transcript(out, ids, sessionId, start)
                    .cwd("/home/" + user + "/analytics/" + ids.pick(new String[] {"churn", "revenue", "ingest", "etl"}))
                    .slug(ids.slug());
            if (ids.chance(0.5)) {
                t.withHooks();
            }
            t.sessionStart();
            int turns = ids.between(4, 40);
            for (int turn = 0; turn < turns; turn++) {
                turn(t, root, user, sessionId, subagents);
                idleBetweenTurns(t);
            }
            if (ids.chance(0.6)) {
                out.leaveLastLineUnterminated();
            }
        }
        long bytes = out.bytesWritten();
        for (JsonlFile subagent : subagents) {
            bytes += subagent.bytesWritten();
        }
        return bytes;
    }

    private void turn(Transcript t, Path root, String user, String sessionId, List<JsonlFile> subagents)
            throws IOException {
        t.prompt(ids.pick(PROMPTS));
        if (ids.chance(0.3)) {
            t.think("The user wants " + ids.pick(PROMPTS).toLowerCase(Locale.ROOT) + ". Start from the data.");
        }
        int actions = ids.between(1, 6);
        for (int action = 0; action < actions; action++) {
            int roll = ids.between(1, 100);
            if (roll <= 22) {
                t.read("/home/" + user + "/analytics/src/module_" + ids.between(1, 40) + ".py", ids.pick(sourceFiles));
            } else if (roll <= 30) {
                t.edit("/home/" + user + "/analytics/src/module_" + ids.between(1, 40) + ".py",
                        "return total", "return round(total, 2)");
            } else if (roll <= 32) {
                t.editRejected("/home/" + user + "/analytics/src/module_" + ids.between(1, 40) + ".py",
                        "return totals", "return round(totals, 2)", "String to replace not found in file.");
            } else if (roll <= 60) {
                t.bash(Shell.ok("git status --short", "Show changes", 0.2, " M src/loader.py\n?? notebooks/scratch.ipynb"));
            } else if (roll <= 77) {
                double seconds = ids.chance(0.2) ? ids.between(30, 170) : 2.5 + ids.between(0, 180) / 10.0;
                t.bash(new Shell("make build", "Build and test", 600_000, seconds, ids.pick(buildLogs), new Shell.Succeeded()));
            } else if (roll <= 93) {
                t.bash(ids.pick(frictions));
            } else if (roll <= 96) {
                Shell failing = ids.pick(frictions);
                for (int attempt = ids.between(5, 8); attempt > 0; attempt--) {
                    t.bash(failing);
                    t.say("Retrying.");
                }
            } else if (roll <= 98) {
                t.apiError(1);
                t.apiError(2);
            } else {
                subagent(t, root, user, sessionId, subagents);
            }
        }
        if (ids.chance(0.04)) {
            t.compact("auto", ids.between(150_000, 175_000),
                    "Summary:\n1. Primary Request and Intent: " + ids.pick(PROMPTS) + "\n2. Pending Tasks: rerun the checks.");
        }
        t.say(ids.pick(REPLIES));
    }

    private void subagent(Transcript t, Path root, String user, String sessionId, List<JsonlFile> subagents)
            throws IOException {
        String agentId = ids.shortHex('a');
        Transcript.TaskCall task = t.task("Explore the loader", "Find where the loader reads its configuration.");
        JsonlFile file = JsonlFile.create(factory,
                root.resolve(user).resolve(sessionId).resolve("subagents").resolve("agent-" + agentId + ".jsonl"));
        try (file) {
            Transcript sub = t.subagent(file, agentId);
            sub.prompt("Find where the loader reads its configuration.");
            sub.bash(Shell.ok("grep -rn load_config src/", "Search the loader", 0.3,
                    "src/loader.py:14:    cfg = load_config(path)\nsrc/config.py:3:def load_config(path):"));
            sub.say("The loader reads its configuration in src/config.py.");
            t.taskResult(task, sub, "src/config.py defines load_config; src/loader.py calls it.");
        }
        subagents.add(file);
    }

    private void idleBetweenTurns(Transcript t) {
        int roll = ids.between(1, 100);
        if (roll <= 70) {
            t.pause(ids.between(10, 120));
        } else if (roll <= 90) {
            t.idle(Duration.ofMinutes(ids.between(11, 90)));
        } else {
            t.idle(Duration.ofMinutes(ids.between(120, 3_000)));
        }
    }

    private List<Shell> catalogue() {
        return List.of(
                Shell.fails("cat /data/shared/finance/ledger.csv", "Read the ledger", 0.1, 1,
                        "cat: /data/shared/finance/ledger.csv: Permission denied"),
                Shell.fails("jq '.rows | length' export.json", "Count rows", 0.1, 127, "/bin/bash: line 1: jq: command not found"),
                Shell.fails("ls data/2026-01/", "List January data", 0.1, 2,
                        "ls: cannot access 'data/2026-01/': No such file or directory"),
                Shell.fails("psql -h warehouse.internal -d analytics -c 'select 1'", "Check the warehouse", 0.7, 2,
                        "psql: error: connection to server at \"warehouse.internal\", port 5432 failed: "
                        + "FATAL:  password authentication failed for user \"analyst\""),
                Shell.fails("python -c 'import pandas'", "Check pandas", 0.5, 1,
                        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"
                        + "ModuleNotFoundError: No module named 'pandas'"),
                new Shell("rsync -av warehouse-01:/data/raw/ data/raw/", "Sync raw data", 600_000, 64.5,
                        buildLog(120) + "\nrsync: [sender] send_files failed to open \"/data/raw/pii/a.parquet\": "
                        + "Permission denied (13)\nrsync error: some files/attrs were not transferred (see previous errors) "
                        + "(code 23) at main.c(1338) [generator=3.2.7]", new Shell.Failed(23)),
                Shell.fails("curl -sS --max-time 30 https://metrics.internal.example/health", "Check metrics", 30.0, 28,
                        "curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received"),
                Shell.fails("git push origin HEAD", "Push the branch", 1.2, 128,
                        "remote: HTTP Basic: Access denied\nfatal: Authentication failed for "
                        + "'https://git.example.com/analytics/repo.git/'"),
                Shell.fails("pytest -q", "Run the tests", 3.5, 1, "..F.\nFAILED tests/test_fx.py::test_eur - "
                        + "AssertionError\n1 failed, 3 passed in 2.91s"),
                Shell.ok("python jobs/nightly.py", "Run the nightly job", 0, buildLog(40))
                        .timeout(60_000).backgroundedAtTimeout(ids.shortHex('b')));
    }

    private String sourceFile(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(switch (ids.between(0, 4)) {
                case 0 -> "def step_" + i + "(frame):";
                case 1 -> "    frame = frame[frame.amount > " + ids.between(0, 500) + "]";
                case 2 -> "    total = frame.groupby('region').amount.sum()";
                case 3 -> "    # keep the raw rows for the audit trail";
                default -> "    return total";
            }).append('\n');
        }
        return text.toString();
    }

    private String buildLog(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(String.format(Locale.ROOT, "[%4d/%d] %s src/pipeline/stage_%03d.py ... ok (%d ms)\n",
                    i + 1, lines, ids.pick(new String[] {"checking", "compiling", "testing", "packaging"}),
                    ids.between(1, 999), ids.between(1, 4_000)));
        }
        return text.toString().stripTrailing();
    }
}
