package io.sessionfriction.topology.events;

import static io.sessionfriction.topology.TranscriptLines.CWD;
import static io.sessionfriction.topology.TranscriptLines.SESSION_ID;
import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aCompactBoundary;
import static io.sessionfriction.topology.TranscriptLines.aCompactSummary;
import static io.sessionfriction.topology.TranscriptLines.aToolError;
import static io.sessionfriction.topology.TranscriptLines.aToolResult;
import static io.sessionfriction.topology.TranscriptLines.aToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anApiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.event.EnrichedEvent;
import io.sessionfriction.processor.event.EventKind;
import io.sessionfriction.processor.event.SignalMatcher;
import io.sessionfriction.processor.topology.AlertStage;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.TranscriptLines.Line;

/** Analysis mistake 5: every line leaves with its context — tool, command, description, error, block. */
class EnrichmentTest {

    private static final String RSYNC = "rsync -a /tmp/export-20260211/ /data/warehouse/run-4711/";

    @Test
    void aBashToolUseCarriesItsToolCommandNormalizedCommandAndDescription() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            Line prompt = aUserPrompt("sync the export").at(T0);
            Line tool = aBashToolUse(RSYNC).id("toolu_1").description("Sync the export into the warehouse").at(T0.plusSeconds(4));
            driver.pipe("s1", "alice", prompt, tool);

            EnrichedEvent use = driver.enriched().get(1);
            assertThat(use.schemaVersion()).isEqualTo(2);
            assertThat(use.sessionKey()).isEqualTo("s1");
            assertThat(use.user()).isEqualTo("alice");
            assertThat(use.sessionId()).isEqualTo(SESSION_ID);
            assertThat(use.uuid()).isEqualTo(tool.uuid());
            assertThat(use.type()).isEqualTo("assistant");
            assertThat(use.kind()).isEqualTo(EventKind.TOOL_USE);
            assertThat(use.timestamp()).isEqualTo(T0.plusSeconds(4));
            assertThat(use.cwd()).isEqualTo(CWD);
            assertThat(use.toolName()).isEqualTo("Bash");
            assertThat(use.toolUseId()).isEqualTo("toolu_1");
            assertThat(use.inputSummary()).isEqualTo("Bash " + RSYNC);
            assertThat(use.command()).isEqualTo(RSYNC);
            assertThat(use.normalizedCommand()).isEqualTo("rsync -a /tmp/<path> /data/warehouse/run-<n>/");
            assertThat(use.description()).isEqualTo("Sync the export into the warehouse");
            assertThat(use.isError()).isNull();
            assertThat(use.signals()).isEmpty();
            assertThat(use.block()).isEqualTo(new EnrichedEvent.BlockRef(T0, T0.plusSeconds(4)));
            assertThat(use.sessionStart()).isEqualTo(T0);
            assertThat(use.event().toString()).isEqualTo(tool.json());
        }
    }

    @Test
    void theResultAndTheProgressOfACommandNameTheirToolAndCommand() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice",
                    aBashToolUse(RSYNC).id("toolu_1").description("Sync the export").at(T0),
                    aBashProgress("toolu_1").elapsed(7).output("sending incremental file list\nrsync: permission denied").at(T0.plusSeconds(7)),
                    aBashError("toolu_1", 23, "rsync error: some files/attrs were not transferred (code 23)").at(T0.plusSeconds(8)));

            List<EnrichedEvent> events = driver.enriched();
            EnrichedEvent progress = events.get(1);
            assertThat(progress.kind()).isEqualTo(EventKind.BASH_PROGRESS);
            assertThat(progress.toolName()).isEqualTo("Bash");
            assertThat(progress.command()).isEqualTo(RSYNC);
            assertThat(progress.elapsedSeconds()).isEqualTo(7L);
            assertThat(progress.text()).isEqualTo("sending incremental file list\nrsync: permission denied");

            EnrichedEvent failure = events.get(2);
            assertThat(failure.kind()).isEqualTo(EventKind.TOOL_RESULT);
            assertThat(failure.toolUseId()).isEqualTo("toolu_1");
            assertThat(failure.command()).isEqualTo(RSYNC);
            assertThat(failure.description()).isEqualTo("Sync the export");
            assertThat(failure.isError()).isTrue();
            assertThat(failure.errorText()).isEqualTo("Error: Exit code 23\nrsync error: some files/attrs were not transferred (code 23)");
            assertThat(failure.text()).isEqualTo("Exit code 23\nrsync error: some files/attrs were not transferred (code 23)");
        }
    }

    @Test
    void otherToolsGetAReadableInputSummary() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            Line read = aToolUse("Read").input("file_path", "/data/churn.csv").at(T0);
            Line grep = aToolUse("Grep").input("pattern", "customer_id").input("path", "/data").at(T0.plusSeconds(1));
            driver.pipe("s1", "alice", read, grep,
                    aToolError(read.toolUseId(), "<tool_use_error>File does not exist.</tool_use_error>").at(T0.plusSeconds(2)));

            List<EnrichedEvent> events = driver.enriched();
            assertThat(events).extracting(EnrichedEvent::inputSummary)
                    .containsExactly("Read /data/churn.csv", "Grep customer_id in /data", "Read /data/churn.csv");
            assertThat(events.get(2).toolName()).isEqualTo("Read");
            assertThat(events.get(2).command()).isNull();
            assertThat(events.get(2).errorText()).isEqualTo("Error: <tool_use_error>File does not exist.</tool_use_error>");
        }
    }

    @Test
    void apiErrorsAndCompactionAreClassifiedWithTheirText() {
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice", anApiError(529).at(T0), aCompactBoundary().at(T0.plusSeconds(60)),
                    aCompactSummary().at(T0.plusSeconds(61)));

            List<EnrichedEvent> events = driver.enriched();
            assertThat(events).extracting(EnrichedEvent::kind)
                    .containsExactly(EventKind.API_ERROR, EventKind.COMPACT_BOUNDARY, EventKind.COMPACT_SUMMARY);
            assertThat(events.get(0).isError()).isTrue();
            assertThat(events.get(0).errorText()).isEqualTo("status 529: Overloaded");
            assertThat(events.get(2).text()).startsWith("This session is being continued from a previous conversation");
        }
    }

    @Test
    void longTextIsCappedKeepingItsHeadAndTail() {
        String output = "start of output\n" + "x".repeat(20_000) + "\nrsync error: error in socket IO (code 10)";
        try (FrictionDriver driver = FrictionDriver.start()) {
            driver.pipe("s1", "alice", aBashProgress("toolu_1").elapsed(30).output(output).at(T0));

            String text = driver.enriched().get(0).text();
            assertThat(text).hasSize(ProcessorSettings.DEFAULT_TEXT_CAP_CHARS)
                    .startsWith("start of output").endsWith("rsync error: error in socket IO (code 10)").contains("chars cut]");
        }
    }

    @Test
    void theSignalMatcherSeesTheEnrichedLineAndItsSignalsAreCarried() {
        SignalMatcher permissionDenied = event -> event.text() != null && event.text().contains("Permission denied")
                ? List.of(new EnrichedEvent.Signal("permission-denied", "permission", "high", "Permission denied"))
                : List.of();
        try (FrictionDriver driver = FrictionDriver.start(ProcessorSettings.defaults(), permissionDenied, AlertStage.NONE)) {
            driver.pipe("s1", "alice",
                    aBashToolUse("cat /root/secrets").id("toolu_1").at(T0),
                    aBashError("toolu_1", 1, "cat: /root/secrets: Permission denied").at(T0.plusSeconds(1)));

            assertThat(driver.enriched()).extracting(EnrichedEvent::signals).containsExactly(
                    List.of(), List.of(new EnrichedEvent.Signal("permission-denied", "permission", "high", "Permission denied")));
        }
    }

    @Test
    void theAlertStageIsAttachedToTheEnrichedStream() {
        AlertStage forwardErrors = enriched -> enriched.filter((key, event) -> Boolean.TRUE.equals(event.isError()))
                .mapValues(EnrichedEvent::errorText)
                .to("friction-alerts", Produced.with(
                        Serdes.String(), Serdes.String()));
        try (FrictionDriver driver = FrictionDriver.start(ProcessorSettings.defaults(), SignalMatcher.NONE, forwardErrors)) {
            driver.pipe("s1", "alice", aBashToolUse("ls /nope").id("toolu_1").at(T0),
                    aBashError("toolu_1", 2, "ls: /nope: No such file or directory").at(T0.plusSeconds(1)),
                    aToolResult("toolu_2", "fine").at(T0.plusSeconds(2)));

            var alerts = driver.driver().createOutputTopic("friction-alerts",
                    Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            assertThat(alerts.readValuesToList()).containsExactly("Error: Exit code 2\nls: /nope: No such file or directory");
        }
    }
}
