package io.sessionfriction.replay;

import java.time.Duration;

import io.sessionfriction.replay.report.FrictionReport;
import io.sessionfriction.replay.report.ReplayData;

/**
 * What a replay left in its output folder, and where its time went.
 *
 * @param pipeline  publishing, processing and reading the results back
 * @param reporting writing {@code replay.json} and the report
 */
public record ReplayResult(ReplayData data, FrictionReport report, Duration pipeline, Duration reporting) {
}
