package io.sessionfriction.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.redaction.Redactor;
import io.sessionfriction.replay.catalogue.SessionCatalogue;
import io.sessionfriction.replay.catalogue.SessionSelection;
import io.sessionfriction.replay.report.DraftPolicy;

/** A replay's settings come from its request and its selection, never from the live processor's names. */
class ReplayPlanTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String ALICE = "3a609041-49d6-4359-8156-4a3a4522fef6";
    private static final String BOB = "64dd87dd-7b7c-4bff-89ca-e9ff42be03d8";
    private static final ProcessorSettings LIVE = ProcessorSettings.defaults()
            .withApplicationId("friction-live").withAllowedLateness(Duration.ofDays(7));

    @TempDir
    Path root;

    @BeforeEach
    void twoSessionsTwentyDaysApart() throws IOException {
        write("alice/2026-01-05_" + ALICE + ".jsonl", T0, T0.plusSeconds(90));
        write("bob/2026-01-25_" + BOB + ".jsonl", T0.plus(Duration.ofDays(20)));
    }

    @Test
    void aReplayRunsUnderItsOwnRunIdOnItsOwnTopicsTunedForThroughput() {
        ReplayPlan plan = plan(SessionSelection.all(), false, false);

        assertThat(plan.runId()).matches("session-friction-replay-[0-9a-f]{12}");
        assertThat(plan.settings().applicationId()).as("the live processor's id is not taken").isEqualTo(plan.runId());
        assertThat(plan.settings().topicPrefix()).isEqualTo(plan.runId() + ".");
        assertThat(plan.settings().tuning()).isEqualTo(ProcessorSettings.Tuning.THROUGHPUT);
        assertThat(plan.settings().storage()).as("state thrown away after the run").isEqualTo(ProcessorSettings.StateStorage.DISPOSABLE);
        assertThat(plan.catalogued()).isEqualTo(2);
        assertThat(plan.sessions()).hasSize(2);
        assertThat(plan.events()).isEqualTo(3);
        assertThat(plan.files()).isEqualTo(2);
    }

    @Test
    void anApplicationIdGivenForTheReplayIsKept() {
        assertThat(plan(SessionSelection.all(), true, false).settings().applicationId()).isEqualTo("friction-live");
    }

    @Test
    void theLatenessIsRaisedToTheSelectionsSpanAndADayUnlessItWasGiven() {
        Duration span = Duration.ofDays(20).plusDays(1);

        assertThat(plan(SessionSelection.all(), false, false).settings().allowedLateness()).isEqualTo(span);
        assertThat(plan(SessionSelection.all(), false, true).settings().allowedLateness()).isEqualTo(Duration.ofDays(7));
        assertThat(plan(users("alice"), false, false).settings().allowedLateness())
                .as("a span shorter than the configured lateness leaves it as it is").isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theSameSelectionOfTheSameFilesIsTheSameRunAndAnyChangeIsAnother() throws IOException {
        String all = plan(SessionSelection.all(), false, false).runId();

        assertThat(plan(SessionSelection.all(), false, false).runId()).isEqualTo(all);
        assertThat(plan(users("alice"), false, false).runId()).isNotEqualTo(all);
        write("bob/2026-01-25_" + BOB + ".jsonl", T0.plus(Duration.ofDays(20)), T0.plus(Duration.ofDays(21)));
        assertThat(plan(SessionSelection.all(), false, false).runId()).as("a file that grew").isNotEqualTo(all);
    }

    @Test
    void itsTopicsHaveThePartitionsGivenForTheReplayOrOnePerStreamThread() {
        ReplayPlan notGiven = plan(SessionSelection.all(), false, false, OptionalInt.empty());

        assertThat(notGiven.partitions()).isEqualTo(notGiven.settings().streamThreads())
                .isEqualTo(ProcessorSettings.Tuning.THROUGHPUT.streamThreads());
        assertThat(plan(SessionSelection.all(), false, false, OptionalInt.of(5)).partitions()).isEqualTo(5);
    }

    private ReplayPlan plan(SessionSelection selection, boolean applicationIdGiven, boolean latenessGiven) {
        return plan(selection, applicationIdGiven, latenessGiven, OptionalInt.of(2));
    }

    private ReplayPlan plan(SessionSelection selection, boolean applicationIdGiven, boolean latenessGiven, OptionalInt partitions) {
        ReplayRequest request = new ReplayRequest(root, selection, LIVE, applicationIdGiven, latenessGiven,
                RuleCatalogue.defaults(), Redactor.defaults(), partitions, Duration.ofMinutes(1), false, root.resolve("out"), DraftPolicy.DEFAULT);
        return ReplayPlan.of(request, SessionCatalogue.scan(root));
    }

    private static SessionSelection users(String... names) {
        return new SessionSelection(Optional.empty(), Optional.empty(), Set.of(names));
    }

    private void write(String relative, Instant... times) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        for (Instant at : times) {
            lines.append("{\"type\":\"user\",\"uuid\":\"u-").append(at.toEpochMilli()).append("\",\"timestamp\":\"").append(at)
                    .append("\",\"message\":{\"role\":\"user\",\"content\":\"Export Q1 revenue\"}}\n");
        }
        Files.writeString(file, lines);
    }
}
