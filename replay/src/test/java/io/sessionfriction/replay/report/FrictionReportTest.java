package io.sessionfriction.replay.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        FrictionReport.of(data, RuleCatalogue.defaults()).write(first);
        data.write(first.resolve(ReplayData.FILE_NAME));
        FrictionReport.of(ReplayData.read(first.resolve(ReplayData.FILE_NAME)), RuleCatalogue.defaults()).write(second);
        Files.copy(first.resolve(ReplayData.FILE_NAME), second.resolve(ReplayData.FILE_NAME));

        Map<String, byte[]> a = contents(first);
        Map<String, byte[]> b = contents(second);
        assertThat(a.keySet()).containsExactly("friction-points.json", "issues/01-permission-denied-" + FrictionPoints.id(
                "permission-denied", "cp out.csv /data/shared/") + ".md", "issues/02-auth-failure-" + FrictionPoints.id(
                "auth-failure", "psql: password authentication failed") + ".md", "issues/03-user-rejection-"
                + FrictionPoints.id("user-rejection", "user-rejection") + ".md", "replay.json", "report.html");
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void anIssueDraftHasEverySectionATrackerNeeds() throws IOException {
        FrictionReport.of(ReplayFixtures.sample(), RuleCatalogue.defaults()).write(first);
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
    void theHtmlPageIsSelfContainedWithItsFourCharts() throws IOException {
        FrictionReport.of(ReplayFixtures.sample(), RuleCatalogue.defaults()).write(first);
        String html = Files.readString(first.resolve("report.html"));

        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(html.split("<svg ", -1)).hasSize(5);
        assertThat(html).contains("<title>Top friction points</title>", "<title>Active versus wall-clock time per session (log scale)</title>",
                "<title>Alerts per category over time</title>", "<title>Command durations</title>")
                .contains("alice · s-alice-")
                .contains("5.0 min of 3.0 d")
                .contains("rsync -av warehouse:/data/raw/ data/raw/");
        assertThat(html).contains("&lt;evidence&gt;").doesNotContain("<evidence>");
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
