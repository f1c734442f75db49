package io.sessionfriction.replay.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.rules.RuleCatalogue;

/**
 * Renders a replay into a report folder: {@code issues/NN-rule-id.md} (an issue draft per friction point
 * the {@link DraftPolicy} drafts, in report order), {@code friction-points.json} and {@code report.html}
 * (every point, drafted or not). Everything derives from the replay's data in a fixed order and nothing
 * from the clock, so the same replay gives byte-identical files.
 */
public final class FrictionReport {

    public static final String POINTS_FILE = "friction-points.json";
    public static final String HTML_FILE = "report.html";
    public static final String ISSUES_DIR = "issues";

    private final ReplayData data;
    private final DraftPolicy policy;
    private final List<FrictionPoint> points;

    private FrictionReport(ReplayData data, DraftPolicy policy, List<FrictionPoint> points) {
        this.data = data;
        this.policy = policy;
        this.points = points;
    }

    public static FrictionReport of(ReplayData data, RuleCatalogue catalogue, DraftPolicy policy) {
        List<FrictionPoint> points = new ArrayList<>();
        int drafted = 0;
        for (FrictionPoint point : FrictionPoints.group(data.alerts(), catalogue)) {
            points.add(policy.drafts(point, drafted) ? point.withDraft(IssueDraft.fileName(++drafted, point)) : point);
        }
        return new FrictionReport(data, policy, List.copyOf(points));
    }

    /** Every friction point, most harmful first. */
    public List<FrictionPoint> points() {
        return points;
    }

    /** The points drafted as issues, in the same order. */
    public List<FrictionPoint> drafted() {
        return points.stream().filter(p -> p.draft() != null).toList();
    }

    /** The JSON for machines: the selection, the draft policy, every point in report order, and each rule's spread. */
    public record PointsFile(int schemaVersion, String selection, DraftPolicy draftPolicy, List<FrictionPoint> frictionPoints,
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
            for (FrictionPoint point : drafted()) {
                Files.writeString(issues.resolve(point.draft()), IssueDraft.markdown(point), StandardCharsets.UTF_8);
            }
            PointsFile file = new PointsFile(2, data.selection(), policy, points, FrictionPoints.byRule(points));
            Files.write(out.resolve(POINTS_FILE),
                    Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(file));
            Files.writeString(out.resolve(HTML_FILE), HtmlReport.render(data, points, policy), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report into " + out + ": " + e.getMessage(), e);
        }
    }
}
