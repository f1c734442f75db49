package io.sessionfriction.replay.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.rules.RuleCatalogue;

/**
 * Renders a replay into a report folder: {@code issues/NN-rule-id.md} (one issue draft per friction
 * point), {@code friction-points.json} and {@code report.html}. Everything derives from the replay's
 * data in a fixed order and nothing from the clock, so the same replay gives byte-identical files.
 */
public final class FrictionReport {

    public static final String POINTS_FILE = "friction-points.json";
    public static final String HTML_FILE = "report.html";
    public static final String ISSUES_DIR = "issues";

    private final ReplayData data;
    private final List<FrictionPoint> points;

    private FrictionReport(ReplayData data, List<FrictionPoint> points) {
        this.data = data;
        this.points = points;
    }

    public static FrictionReport of(ReplayData data, RuleCatalogue catalogue) {
        return new FrictionReport(data, FrictionPoints.group(data.alerts(), catalogue));
    }

    public List<FrictionPoint> points() {
        return points;
    }

    /** The JSON for machines: the selection, the points in report order, and each rule's spread. */
    public record PointsFile(int schemaVersion, String selection, List<FrictionPoint> frictionPoints,
                             List<FrictionPoints.RuleSpread> rules) {
    }

    /** Writes the report into {@code out}; drafts of an earlier report there are replaced. */
    public void write(Path out) {
        try {
            Path issues = out.resolve(ISSUES_DIR);
            Files.createDirectories(issues);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(issues, "*.md")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
            int rank = 1;
            for (FrictionPoint point : points) {
                Files.writeString(issues.resolve(IssueDraft.fileName(rank++, point)), IssueDraft.markdown(point),
                        StandardCharsets.UTF_8);
            }
            PointsFile file = new PointsFile(1, data.selection(), points, FrictionPoints.byRule(points));
            Files.write(out.resolve(POINTS_FILE),
                    Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(file));
            Files.writeString(out.resolve(HTML_FILE), HtmlReport.render(data, points), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report into " + out + ": " + e.getMessage(), e);
        }
    }
}
