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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shipped sample set: a few scripted sessions of three analysts that together show every friction
 * kind, the time traps (a 4-day session with minutes of activity, a 100-update rsync, lines out of
 * time order) and the malformed input seen in real files. samples/README.md describes each file.
 * Seed and base time change ids and milliseconds only; the scripts, and so the line numbers, are fixed.
 */
final class CuratedSamples {

    /** A line written broken on purpose: the file (relative, '/'-separated), its 1-based line number, why. */
    record Defect(String file, int line, String kind) {}

    static final String TRUNCATED = "truncated JSON line";
    static final String GARBAGE = "not JSON";
    static final String TWO_OBJECTS = "two JSON objects on one line";

    private final JsonFactory factory = new JsonFactory();
    private final long seed;
    private final long base;
    private final List<Defect> defects = new ArrayList<>();
    private Ids ids;
    private Path root;

    CuratedSamples(long seed, Instant baseTime) {
        this.seed = seed;
        this.base = baseTime.toEpochMilli();
    }

    /** Writes every sample file under {@code root} and returns the deliberately malformed lines. */
    List<Defect> write(Path sessionsRoot) throws IOException {
        // A fresh id source per call: writing twice gives the same files twice.
        ids = new Ids(seed);
        root = sessionsRoot;
        defects.clear();
        fourDayAnalysis();
        warehouseAccess();
        nightlySync();
        resumedDashboard();
        flatLayoutEtl();
        otherToolsFile();
        return List.copyOf(defects);
    }

    /**
     * alice, 4 days: four short blocks separated by 89.8 h, 4.9 h and 5.4 h; a missing pandas, a subagent
     * that hits "No such file or directory", a Claude Code update (2.1.38 to 2.1.39) across the long gap.
     */
    private void fourDayAnalysis() throws IOException {
        String sessionId = ids.uuid();
        String file = sessionFile("alice", sessionId, base);
        try (JsonlFile out = JsonlFile.create(factory, root.resolve(file))) {
            Transcript t = new Transcript(out, ids, sessionId, base)
                    .cwd("/home/alice/analytics/churn-model").version("2.1.38").slug(ids.slug());
            t.summary("Churn rate by plan and weekly report update", ids.uuid());
            t.sessionStart();
            t.prompt("Load data/churn_2026-02.csv and give me the churn rate by plan");
            t.say("I'll load the CSV with pandas and group by plan.");
            t.bash(Shell.fails("python -c \"import pandas as pd; df = pd.read_csv('data/churn_2026-02.csv'); "
                    + "print(df.groupby('plan').churned.mean())\"", "Churn rate by plan", 0.6, 1,
                    "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"
                    + "ModuleNotFoundError: No module named 'pandas'"));
            t.say("pandas is not installed for this interpreter. Let me check which Python is active.");
            t.bash(Shell.ok("which python && python --version && ls .venv/bin | head -3", "Check the active Python",
                    0.3, "/usr/bin/python\nPython 3.11.2\nactivate\nactivate.csh\nactivate.fish"));
            t.bash(Shell.ok("source .venv/bin/activate && python -c \"import pandas as pd; "
                    + "df = pd.read_csv('data/churn_2026-02.csv'); print(df.groupby('plan').churned.mean().round(3))\"",
                    "Churn rate by plan in the project venv", 1.4,
                    "plan\nbasic       0.071\nbusiness    0.024\npro         0.038\nName: churned, dtype: float64"));
            t.say("Churn in February: basic 7.1%, pro 3.8%, business 2.4%. The project's .venv has pandas; "
                    + "the system Python does not.");
            t.pause(70);
            t.prompt("and the median tenure of churned customers per plan?");
            t.bash(Shell.ok("source .venv/bin/activate && python -c \"import pandas as pd; df = pd.read_csv("
                    + "'data/churn_2026-02.csv'); print(df[df.churned].groupby('plan').tenure_months.median())\"",
                    "Median tenure of churned customers", 1.3,
                    "plan\nbasic        4.0\nbusiness    19.5\npro          9.0\nName: tenure_months, dtype: float64"));
            t.say("Churned basic customers leave after 4 months (median), pro after 9, business after 19.5.");

            t.idle(Duration.ofMinutes(5388));
            t.version("2.1.39");
            t.prompt("Can you add February's numbers to report/weekly.md?");
            t.read("/home/alice/analytics/churn-model/report/weekly.md",
                    "# Weekly churn\n\n| month | basic | pro | business |\n|---|---|---|---|\n| 2026-01 | 6.8% | 3.9% | 2.2% |");
            t.pause(45);
            t.edit("/home/alice/analytics/churn-model/report/weekly.md", "| 2026-01 | 6.8% | 3.9% | 2.2% |",
                    "| 2026-01 | 6.8% | 3.9% | 2.2% |\n| 2026-02 | 7.1% | 3.8% | 2.4% |");
            t.say("Added the February row.");

            t.idle(Duration.ofMinutes(294));
            t.prompt("Where is the churn threshold defined? The dashboard and the model disagree.");
            Transcript.TaskCall task = t.task("Find churn threshold definitions",
                    "Find every place the churn threshold (CHURN_THRESHOLD or similar) is defined or read.");
            String agentId = ids.shortHex('a');
            try (JsonlFile subFile = JsonlFile.create(factory,
                    root.resolve("alice/" + sessionId + "/subagents/agent-" + agentId + ".jsonl"))) {
                Transcript sub = t.subagent(subFile, agentId);
                sub.prompt("Find every place the churn threshold (CHURN_THRESHOLD or similar) is defined or read.");
                sub.bash(Shell.ok("grep -rn CHURN_THRESHOLD --include=*.py --include=*.yaml .", "Search for the threshold",
                        0.4, "./src/model/score.py:12:CHURN_THRESHOLD = float(os.environ.get(\"CHURN_THRESHOLD\", 0.5))\n"
                        + "./dashboard/settings.py:8:CHURN_THRESHOLD = 0.45"));
                sub.bash(Shell.fails("cat config/thresholds.yaml", "Read the thresholds config", 0.1, 1,
                        "cat: config/thresholds.yaml: No such file or directory"));
                sub.say("The model reads CHURN_THRESHOLD from the environment (default 0.5); the dashboard "
                        + "hard-codes 0.45. config/thresholds.yaml does not exist.");
                t.taskResult(task, sub, "Two definitions: src/model/score.py (env, default 0.5) and "
                        + "dashboard/settings.py (0.45). No config/thresholds.yaml.");
            }
            t.stepBack(Duration.ofSeconds(8));
            t.say("The dashboard uses 0.45 and the model 0.5, so they flag different customers.");

            t.idle(Duration.ofMinutes(324));
            t.prompt("ok, make the dashboard read it from the environment too and commit");
            t.edit("/home/alice/analytics/churn-model/dashboard/settings.py", "CHURN_THRESHOLD = 0.45",
                    "CHURN_THRESHOLD = float(os.environ.get(\"CHURN_THRESHOLD\", 0.5))");
            t.bash(Shell.ok("git add dashboard/settings.py report/weekly.md && git commit -m \"Read the churn threshold "
                    + "from the environment\"", "Commit the change", 0.5,
                    "[main 4e1f0a2] Read the churn threshold from the environment\n 2 files changed, 2 insertions(+), 1 deletion(-)"));
            t.pause(40);
            t.say("Committed.");
        }
    }

    /**
     * bob: command not found, No such file or directory, a password authentication failure retried six
     * times (a retry loop), a 401 in curl output, a failing test, an interrupted command, a confused user,
     * a backward time step, and two malformed lines (a truncated one and a non-JSON one).
     */
    private void warehouseAccess() throws IOException {
        String sessionId = ids.uuid();
        long start = base + Duration.ofHours(29).toMillis();
        String file = sessionFile("bob", sessionId, start);
        try (JsonlFile out = JsonlFile.create(factory, root.resolve(file))) {
            Transcript t = new Transcript(out, ids, sessionId, start)
                    .cwd("/home/bob/projects/revenue-dashboard").gitBranch("feature/q1-metrics").slug(ids.slug());
            t.prompt("Pull the Q1 revenue numbers from the warehouse into out/q1_revenue.csv");
            t.say("Let me look at the warehouse table list first.");
            t.bash(Shell.fails("jq '.tables[] | .name' warehouse.json", "List warehouse tables", 0.1, 127,
                    "/bin/bash: line 1: jq: command not found"));
            t.bash(Shell.fails("cat exports/q1_revenue.sql", "Show the Q1 export query", 0.1, 1,
                    "cat: exports/q1_revenue.sql: No such file or directory"));
            t.bash(Shell.ok("ls queries/", "List the query folder", 0.1, "q1_revenue.sql\nq4_revenue.sql\nREADME.md"));
            String psql = "psql -h warehouse.internal -U bob -d analytics -f queries/q1_revenue.sql --csv -o out/q1_revenue.csv";
            String authFailure = "psql: error: connection to server at \"warehouse.internal\", port 5432 failed: "
                    + "FATAL:  password authentication failed for user \"bob\"";
            t.say("The query is in queries/. Running it against the warehouse.");
            for (int attempt = 1; attempt <= 6; attempt++) {
                t.bash(Shell.fails(psql, "Export Q1 revenue to CSV", 0.8, 2, authFailure));
                if (attempt == 3) {
                    t.prompt("why does it keep failing?");
                    t.say("The warehouse rejects the password for user bob. Let me try again; it may be transient.");
                } else if (attempt < 6) {
                    t.say("Retrying the export.");
                }
            }
            defects.add(new Defect(file, out.rawLine(truncated(out, t)), TRUNCATED));
            t.prompt("it still doesn't work, why?");
            t.say("Every attempt fails with \"password authentication failed\": your PGPASSWORD or ~/.pgpass entry "
                    + "for warehouse.internal is wrong or expired. Retrying will not help until it is updated.");
            t.prompt("why does it keep failing? I changed nothing");
            defects.add(new Defect(file, out.rawLine("[2026-02-10 13:01:58] WARN session-sync: partial write, retrying"),
                    GARBAGE));
            t.say("Let me check whether the metrics API accepts your token instead.");
            t.bash(Shell.ok("curl -sS -i \"https://metrics.internal.example/api/v1/revenue?quarter=Q1\" "
                    + "-H \"Authorization: Bearer $METRICS_TOKEN\"", "Query the metrics API", 0.7,
                    "HTTP/2 401 \ncontent-type: application/json\nwww-authenticate: Bearer error=\"invalid_token\"\n\n"
                    + "{\"error\":\"401 Unauthorized\",\"message\":\"authentication failed: token expired\"}"));
            t.say("The API answers 401 Unauthorized: the token expired as well. Meanwhile, the unit tests:");
            t.bash(Shell.fails("pytest tests/test_metrics.py -q", "Run the metrics tests", 1.6, 1,
                    "F.\n=================================== FAILURES ===================================\n"
                    + "___________________________ test_q1_revenue_totals ____________________________\n"
                    + "E       AssertionError: expected 1204331.12, got 0.0\n"
                    + "FAILED tests/test_metrics.py::test_q1_revenue_totals - AssertionError\n1 failed, 1 passed in 0.42s"));
            t.stepBack(Duration.ofSeconds(8));
            t.say("The totals test fails because out/q1_revenue.csv is empty. I can rebuild the local cache instead.");
            t.bash(Shell.ok("python scripts/rebuild_cache.py --all", "Rebuild the local revenue cache", 0,
                    "loading 2025-10...\nloading 2025-11...\nloading 2025-12...\nloading 2026-01...").interruptedAfter(14.3));
            t.userText("[Request interrupted by user for tool use]");
            t.prompt("stop, that takes forever. I'll renew my credentials and come back");
            t.say("Understood. Once PGPASSWORD and METRICS_TOKEN are renewed, rerun the psql export.");
        }
    }

    /**
     * alice, overnight: an rsync of 101.5 s with 100 progress updates that ends in rsync code 23 after
     * "Permission denied (13)"; a backfill moved to the background at its 30 s timeout (not an error); a
     * curl that really timed out; 529 API errors; a queue-operation; no newline after the last line.
     */
    private void nightlySync() throws IOException {
        String sessionId = ids.uuid();
        long start = base + Duration.ofHours(38).toMillis();
        String file = sessionFile("alice", sessionId, start);
        try (JsonlFile out = JsonlFile.create(factory, root.resolve(file))) {
            Transcript t = new Transcript(out, ids, sessionId, start)
                    .cwd("/home/alice/analytics/ingest").slug(ids.slug()).withHooks();
            t.sessionStart();
            t.prompt("Sync the February raw exports from warehouse-01 into data/raw, then run the backfill");
            t.say("Starting the rsync; this is about 1.3 GB.");
            t.bash(new Shell("rsync -av --progress analyst@warehouse-01:/data/raw/2026-02/ data/raw/2026-02/",
                    "Sync February raw exports", 600_000, 101.5, rsyncOutput(), new Shell.Failed(23)));
            t.say("Most files arrived, but two files under pii/ are not readable by your account "
                    + "(Permission denied), so rsync ended with code 23. Running the backfill on the rest.");
            t.bash(Shell.ok("python scripts/backfill.py --month 2026-02", "Backfill February aggregates", 0,
                    "backfill: 2026-02-01 done\nbackfill: 2026-02-02 done\nbackfill: 2026-02-03 done")
                    .timeout(30_000).backgroundedAtTimeout(ids.shortHex('b')));
            t.queueOperation("enqueue", "<task-notification>\n<status>running</status>\n"
                    + "<summary>Backfill February aggregates</summary>\n</task-notification>");
            t.say("The backfill outlived its 30 s timeout and continues in the background. Checking the metrics service.");
            t.bash(Shell.fails("curl -sS --max-time 20 https://metrics.internal.example/api/v1/backfill/status",
                    "Check backfill status", 20.0, 28,
                    "curl: (28) Operation timed out after 20002 milliseconds with 0 bytes received"));
            t.apiError(1);
            t.apiError(2);
            t.say("The metrics service timed out and the API was briefly overloaded. The backfill is still "
                    + "running; pii/ needs read access for your account.");
            t.turnDuration(t.now() - start);
            out.leaveLastLineUnterminated();
        }
    }

    /**
     * bob, next morning: the session is resumed under a new sessionId (lines of both interleave) with a
     * newer Claude Code; context runs out and is compacted; one line holds a progress object and a summary.
     */
    private void resumedDashboard() throws IOException {
        String firstId = ids.uuid();
        String resumedId = ids.uuid();
        long start = base + Duration.ofHours(49).toMillis();
        String file = sessionFile("bob", firstId, start);
        try (JsonlFile out = JsonlFile.create(factory, root.resolve(file))) {
            String slug = ids.slug();
            Transcript first = new Transcript(out, ids, firstId, start).cwd("/home/bob/projects/revenue-dashboard")
                    .gitBranch("feature/q1-metrics").version("2.1.38").slug(slug);
            first.prompt("Continue the dashboard work: add a Q1 revenue chart to dashboard/app.py");
            first.read("/home/bob/projects/revenue-dashboard/dashboard/app.py",
                    "import streamlit as st\nimport pandas as pd\n\nst.title(\"Revenue\")\ndf = pd.read_csv(\"out/q4_revenue.csv\")\n"
                    + "st.line_chart(df, x=\"day\", y=\"net_revenue\")");
            first.say("I'll add a Q1 chart next to the Q4 one.");

            Transcript resumed = new Transcript(out, ids, resumedId, first.now() + 45_000)
                    .cwd("/home/bob/projects/revenue-dashboard").gitBranch("feature/q1-metrics").slug(slug);
            resumed.prompt("(resumed) go on with the Q1 chart");
            first.edit("/home/bob/projects/revenue-dashboard/dashboard/app.py",
                    "st.line_chart(df, x=\"day\", y=\"net_revenue\")",
                    "st.line_chart(df, x=\"day\", y=\"net_revenue\")\nq1 = pd.read_csv(\"out/q1_revenue.csv\")\n"
                    + "st.line_chart(q1, x=\"day\", y=\"net_revenue\")");
            resumed.say("The chart code is in place. Building the frontend bundle.");
            first.say("Added the Q1 chart.");
            int[] joined = new int[1];
            resumed.bash(Shell.ok("npm run build", "Build the dashboard bundle", 6.4,
                    "> revenue-dashboard@0.3.0 build\n> vite build\n\nvite v5.4.2 building for production...\n"
                    + "transforming (212) src/charts.ts\n✓ 431 modules transformed.\ndist/index.html  0.46 kB\n"
                    + "dist/assets/index-4b1c.js  412.77 kB │ gzip: 131.09 kB\n✓ built in 5.81s"), () -> {
                        out.joinNextLine();
                        joined[0] = out.lineCount();
                        resumed.summary("Q1 revenue chart on the dashboard", ids.uuid());
                    });
            defects.add(new Defect(file, joined[0], TWO_OBJECTS));
            resumed.compact("auto", 167_412, compactionSummary());
            resumed.prompt("does the chart render now?");
            resumed.bash(Shell.ok("python -m pytest tests/test_app.py -q", "Run the dashboard tests", 1.1,
                    "..\n2 passed in 0.88s"));
            resumed.say("Yes: both dashboard tests pass and the Q1 chart renders next to Q4.");
        }
    }

    /** carol, older flat layout ({@code <user>-<date>-<id>.jsonl} at the root), Claude Code 2.0.76: a 152 s dbt run, slow enough for the slow-command rule (120 s). */
    private void flatLayoutEtl() throws IOException {
        String sessionId = ids.uuid();
        long start = base + Duration.ofHours(98).toMillis();
        String file = "carol-" + date(start) + "-" + sessionId + ".jsonl";
        try (JsonlFile out = JsonlFile.create(factory, root.resolve(file))) {
            Transcript t = new Transcript(out, ids, sessionId, start).cwd("/home/carol/etl").version("2.0.76");
            t.prompt("run the dbt models for finance and copy the result to the shared folder");
            t.bash(new Shell("dbt run --select finance", "Run the finance dbt models", 300_000, 152.3,
                    dbtOutput(), new Shell.Succeeded()));
            t.bash(Shell.fails("cp target/finance_summary.csv /data/shared/finance/", "Copy to the shared folder", 0.1, 1,
                    "cp: cannot create regular file '/data/shared/finance/finance_summary.csv': Permission denied"));
            t.say("The models ran (152 s), but you cannot write to /data/shared/finance: Permission denied. "
                    + "Ask data-ops for write access or pick another folder.");
        }
    }

    /** Another agent's pretty-printed JSON in a user folder: a collector must reject it, not crash. */
    private void otherToolsFile() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode export = mapper.createObjectNode().put("tool", "another-agent").put("exportedAt", date(base));
        export.putArray("conversations").addObject().put("id", "conv-1").put("title", "ETL notes").put("messages", 12);
        try (JsonlFile out = JsonlFile.create(factory, root.resolve("carol/other-tool.jsonl"))) {
            out.rawLine(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(export));
        }
    }

    // ---- content ----------------------------------------------------------------------------------

    /** A copy of a real-looking assistant line, cut off mid-string as by an interrupted write. */
    private String truncated(JsonlFile out, Transcript t) throws IOException {
        String full = out.render(json -> {
            json.writeNullField("parentUuid");
            json.writeBooleanField("isSidechain", false);
            json.writeStringField("userType", "external");
            json.writeStringField("cwd", t.cwd());
            json.writeStringField("type", "assistant");
            json.writeObjectFieldStart("message");
            json.writeStringField("role", "assistant");
            json.writeStringField("content", "The warehouse keeps rejecting the password for bob; I will stop retrying.");
            json.writeEndObject();
        });
        return full.substring(0, full.length() * 2 / 3);
    }

    private String rsyncOutput() {
        StringBuilder text = new StringBuilder("receiving incremental file list\n");
        int files = 110;
        for (int i = 1; i <= files; i++) {
            if (i == 48 || i == 67) {
                String name = i == 48 ? "customers.parquet" : "contracts.parquet";
                text.append("rsync: [sender] send_files failed to open \"/data/raw/2026-02/pii/").append(name)
                        .append("\": Permission denied (13)\n");
                continue;
            }
            String name = String.format(Locale.ROOT, "events-%04d.parquet", i);
            int megabytes = ids.between(4, 24);
            text.append(name).append('\n').append(String.format(Locale.ROOT,
                    "%,15d 100%%   %5.2fMB/s    0:00:01 (xfr#%d, to-chk=%d/%d)\n",
                    megabytes * 1_048_576L, 8 + ids.between(0, 900) / 100.0, i, files - i, files));
        }
        return text.append("\nsent 2,318 bytes  received 1,204,331,112 bytes  11,866,329.36 bytes/sec\n")
                .append("total size is 1,311,487,213  speedup is 1.09\n")
                .append("rsync error: some files/attrs were not transferred (see previous errors) (code 23) ")
                .append("at main.c(1338) [generator=3.2.7]")
                .toString();
    }

    private String dbtOutput() {
        StringBuilder text = new StringBuilder("Running with dbt=1.8.7\nFound 14 models, 22 tests, 3 sources\n");
        String[] models = {"stg_invoices", "stg_payments", "stg_refunds", "int_revenue_daily", "int_refunds_daily",
            "fct_revenue", "fct_refunds", "finance_summary"};
        for (int i = 0; i < models.length; i++) {
            text.append(String.format(Locale.ROOT,
                    "%d of %d OK created sql table model finance.%s ... [SELECT %d in %.2fs]\n",
                    i + 1, models.length, models[i], ids.between(1_000, 900_000), 2 + ids.between(0, 1500) / 100.0));
        }
        return text.append("Finished running 8 table models in 0 hours 1 minutes and 14.92 seconds (74.92s).\n")
                .append("Completed successfully\nDone. PASS=8 WARN=0 ERROR=0 SKIP=0 TOTAL=8").toString();
    }

    private static String compactionSummary() {
        return "Analysis:\nThe user is adding a Q1 revenue chart to a Streamlit dashboard.\n\nSummary:\n"
                + "1. Primary Request and Intent: add a Q1 revenue chart next to the Q4 chart in dashboard/app.py.\n"
                + "2. Key Technical Concepts: Streamlit line charts, pandas CSV loading, vite frontend bundle.\n"
                + "3. Files and Code Sections: dashboard/app.py (added q1 = pd.read_csv(\"out/q1_revenue.csv\")).\n"
                + "4. Errors and fixes: the warehouse export failed yesterday with password authentication failed; "
                + "out/q1_revenue.csv was refreshed from the cache.\n"
                + "5. Pending Tasks: confirm the chart renders; run the dashboard tests.\n"
                + "6. Current Work: the bundle built successfully (npm run build).";
    }

    private static String sessionFile(String user, String sessionId, long startMillis) {
        return user + "/" + date(startMillis) + "_" + sessionId + ".jsonl";
    }

    private static String date(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).toString();
    }
}
