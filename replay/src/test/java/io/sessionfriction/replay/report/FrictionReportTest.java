package io.sessionfriction.replay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.rules.RuleCatalogue;

/** The report folder: drafts, JSON and HTML, identical byte for byte for the same replay. */
class FrictionReportTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void theSameReplayGivesByteIdenticalFilesAlsoAfterASaveAndReload() throws IOException {
        ReplayData data = ReplayFixtures.sample();
        FrictionReport.of(data, RuleCatalogue.defaults(), DraftPolicy.DEFAULT).write(first);
        data.write(first.resolve(ReplayData.FILE_NAME));
        FrictionReport.of(ReplayData.read(first.resolve(ReplayData.FILE_NAME)), RuleCatalogue.defaults(), DraftPolicy.DEFAULT).write(second);
        Files.copy(first.resolve(ReplayData.FILE_NAME), second.resolve(ReplayData.FILE_NAME));

        Map<String, byte[]> a = contents(first);
        Map<String, byte[]> b = contents(second);
        assertThat(a.keySet()).containsExactly("friction-points.json", "issues/01-permission-denied-" + FrictionPoints.id(
                "permission-denied", "cp out.csv /data/shared/") + ".md", "issues/02-auth-failure-" + FrictionPoints.id(
                "auth-failure", "psql: password authentication failed") + ".md", "replay.json", "report.html");
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void onlyPointsSeenInTwoSessionsOrThreeTimesInOneAreDraftedTheRestAreListed() throws IOException {
        FrictionReport report = FrictionReport.of(ReplayFixtures.sample(), RuleCatalogue.defaults(), DraftPolicy.DEFAULT);
        report.write(first);

        assertThat(report.points()).extracting(FrictionPoint::rule, FrictionPoint::draft).containsExactly(
                tuple("permission-denied", "01-permission-denied-" + FrictionPoints.id("permission-denied", "cp out.csv /data/shared/") + ".md"),
                tuple("auth-failure", "02-auth-failure-" + FrictionPoints.id("auth-failure", "psql: password authentication failed") + ".md"),
                tuple("approval-wait", null),    // twice in one session
                tuple("user-rejection", null));  // once
        JsonNode file = Json.MAPPER.readTree(first.resolve(FrictionReport.POINTS_FILE).toFile());
        assertThat(file.path("draftPolicy").toString()).isEqualTo("{\"minSessions\":2,\"minOccurrences\":3,\"maxDrafts\":20}");
        assertThat(file.path("frictionPoints")).hasSize(4);
        assertThat(file.path("frictionPoints").get(3).path("draft").isNull()).isTrue();
        String html = Files.readString(first.resolve(FrictionReport.HTML_FILE));
        assertThat(html).contains("2 of 4 drafted as issues: those seen in at least 2 sessions or at least 3 times in one, "
                        + "the 20 most harmful at most")
                .contains("Friction point: user-rejection").contains("not drafted");

        FrictionReport everything = FrictionReport.of(ReplayFixtures.sample(), RuleCatalogue.defaults(), new DraftPolicy(1, 1, 20));
        assertThat(everything.drafted()).hasSize(4);
        FrictionReport topThree = FrictionReport.of(ReplayFixtures.sample(), RuleCatalogue.defaults(), new DraftPolicy(1, 1, 3));
        assertThat(topThree.drafted()).extracting(FrictionPoint::rule).containsExactly("permission-denied", "auth-failure", "approval-wait");
        assertThat(topThree.drafted().get(2).draft()).startsWith("03-approval-wait-");
    }

    @Test
    void anIssueDraftHasEverySectionATrackerNeeds() throws IOException {
        FrictionReport.of(ReplayFixtures.sample(), RuleCatalogue.defaults(), DraftPolicy.DEFAULT).write(first);
        String draft;
        try (Stream<Path> files = Files.list(first.resolve("issues"))) {
            draft = Files.readString(files.sorted().findFirst().orElseThrow());
        }

        assertThat(draft).startsWith("# Friction point: permission-denied on `cp out.csv /data/shared/`")
                .contains("| Impact | **high** |")
                .contains("| Frequency | 3 occurrence(s) in 2 session(s) of 2 user(s) |")
                .contains("## Source sessions\n\n- `s-alice-1`\n- `s-carol-1`")
                .contains("## Problem\n\nThe agent hit a permission wall")
                .contains("## Evidence").contains("permission-denied <evidence> in s-carol-1")
                .contains("## Likely root cause\n\nThe analyst's account lacks access")
                .contains("## Proposed fix\n\n_to be filled_")
                .contains("## Related sessions").contains("## Labels\n\nbug, enhancement, security");
    }

    @Test
    void theHtmlPageIsSelfContainedWithItsFiveCharts() throws IOException {
        FrictionReport.of(ReplayFixtures.sample(), RuleCatalogue.defaults(), DraftPolicy.DEFAULT).write(first);
        String html = Files.readString(first.resolve("report.html"));

        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(html.split("<svg ", -1)).hasSize(6);
        assertThat(html).contains("<title>Top friction points</title>", "<title>Active versus wall-clock time per session (log scale)</title>",
                "<title>Alerts per category over time</title>", "<title>Command durations</title>", "<title>Time lost waiting</title>")
                .contains("alice · s-alice-")
                .contains("5.0 min of 3.0 d")
                .contains("rsync -av warehouse:/data/raw/ data/raw/");
        assertThat(html).contains("&lt;evidence&gt;").doesNotContain("<evidence>");
    }

    @Test
    void commandDurationsAreTheTimeCommandsRanAndWaitsHaveTheirOwnFigure() throws IOException {
        FrictionReport.of(ReplayFixtures.sample(), RuleCatalogue.defaults(), DraftPolicy.DEFAULT).write(first);
        String html = Files.readString(first.resolve(FrictionReport.HTML_FILE));
        String durations = html.substring(html.indexOf("<title>Command durations</title>"), html.indexOf("<title>Time lost waiting</title>"));
        String waits = html.substring(html.indexOf("<title>Time lost waiting</title>"));

        // The push waited 15 minutes for approval and ran 2 s: last of three, its wait named, not drawn.
        assertThat(durations.indexOf("rsync -av")).isLessThan(durations.indexOf("psql -f q1.sql"));
        assertThat(durations.indexOf("psql -f q1.sql")).isLessThan(durations.indexOf("git push origin main"));
        assertThat(durations).contains("2 s · ok · alice · waited 15.0 min").contains("1.6 min · error · alice<");
        assertThat(waits).contains("alice · Bash").contains("25.0 min · approval-wait");
        assertThat(html).contains("<b>25.0 min</b><span>lost waiting (approval, hooks, background tasks)</span>");
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
