package io.sessionfriction.replay.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions are found as the collector finds them, and selected by the time inside them, never by file dates. */
class SessionCatalogueTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String MAIN_ID = "3a609041-49d6-4359-8156-4a3a4522fef6";
    private static final String OTHER_ID = "64dd87dd-7b7c-4bff-89ca-e9ff42be03d8";
    private static final String FLAT_ID = "06c6dec9-4fdf-44df-86b7-9ed468a70a6d";

    @TempDir
    Path root;

    @Test
    void aSessionIsItsMainFileAndItsSubagentFilesUnderOneKeyWithTheirJointTimeSpan() throws IOException {
        write("alice/2026-01-05_" + MAIN_ID + ".jsonl", event(T0), event(T0.plusSeconds(60)));
        write("alice/" + MAIN_ID + "/subagents/agent-aece919.jsonl", event(T0.plus(Duration.ofDays(2))));
        write("carol-2026-01-06-" + FLAT_ID + ".jsonl", event(T0.plus(Duration.ofDays(1))));

        SessionCatalogue catalogue = SessionCatalogue.scan(root);

        assertThat(catalogue.sessions())
                .extracting(SessionSpan::sessionKey, SessionSpan::user, SessionSpan::first, SessionSpan::last, s -> s.files().size())
                .containsExactly(
                        tuple(FLAT_ID, "carol", T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), 1),
                        tuple(MAIN_ID, "alice", T0, T0.plus(Duration.ofDays(2)), 2));
    }

    @Test
    void aFileCopiedRecentlyHoldingAnOldSessionIsNotSelectedByARecentRange() throws IOException {
        Path old = write("bob/2026-01-05_" + OTHER_ID + ".jsonl", event(T0), event(T0.plusSeconds(30)));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2026-02-20T10:00:00Z")));
        Path recent = write("alice/2026-02-19_" + MAIN_ID + ".jsonl", event(Instant.parse("2026-02-19T10:00:00Z")));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));

        List<SessionSpan> selected = SessionCatalogue.scan(root)
                .select(range("2026-02-15T00:00:00Z", "2026-02-21T00:00:00Z"));

        assertThat(selected).extracting(SessionSpan::sessionKey).containsExactly(MAIN_ID);
    }

    @Test
    void aSessionIsSelectedWhenItOverlapsTheRangeEvenIfItStartedBeforeIt() throws IOException {
        write("alice/2026-01-05_" + MAIN_ID + ".jsonl", event(T0), event(T0.plus(Duration.ofDays(3))));
        write("bob/2026-01-05_" + OTHER_ID + ".jsonl", event(T0), event(T0.plusSeconds(600)));

        List<SessionSpan> selected = SessionCatalogue.scan(root)
                .select(range("2026-01-07T00:00:00Z", "2026-01-09T00:00:00Z"));

        assertThat(selected).extracting(SessionSpan::sessionKey).containsExactly(MAIN_ID);
    }

    @Test
    void untilIsExclusiveAndSinceInclusiveOnTheSessionsOwnTimestamps() throws IOException {
        write("alice/2026-01-05_" + MAIN_ID + ".jsonl", event(T0));
        SessionCatalogue catalogue = SessionCatalogue.scan(root);

        assertThat(catalogue.select(range(T0.toString(), T0.plusSeconds(1).toString()))).hasSize(1);
        assertThat(catalogue.select(range(T0.minusSeconds(1).toString(), T0.toString()))).isEmpty();
    }

    @Test
    void usersNarrowTheSelection() throws IOException {
        write("alice/2026-01-05_" + MAIN_ID + ".jsonl", event(T0));
        write("bob/2026-01-05_" + OTHER_ID + ".jsonl", event(T0));

        List<SessionSpan> selected = SessionCatalogue.scan(root)
                .select(new SessionSelection(Optional.empty(), Optional.empty(), Set.of("bob")));

        assertThat(selected).extracting(SessionSpan::user).containsExactly("bob");
    }

    @Test
    void malformedLinesAndAnotherToolsFileDoNotStopTheScan() throws IOException {
        write("alice/2026-01-05_" + MAIN_ID + ".jsonl", "not json at all", event(T0), "{\"type\":\"user\",\"timestamp\":\"2026-01-",
                "[1,2,3]", event(T0.plusSeconds(5)));
        write("carol/other-tool.jsonl", "{", "  \"pretty\": true", "}");

        SessionCatalogue catalogue = SessionCatalogue.scan(root);

        assertThat(catalogue.sessions()).extracting(SessionSpan::sessionKey, SessionSpan::first, SessionSpan::last)
                .containsExactly(tuple(MAIN_ID, T0, T0.plusSeconds(5)), tuple("other-tool", null, null));
        assertThat(catalogue.sessions().get(0).files().get(0).malformed()).isEqualTo(3);
        assertThat(catalogue.select(SessionSelection.all())).hasSize(2);
        assertThat(catalogue.select(range("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")))
                .as("a file without any timestamp cannot be placed in a range")
                .extracting(SessionSpan::sessionKey).containsExactly(MAIN_ID);
    }

    private static SessionSelection range(String since, String until) {
        return new SessionSelection(Optional.of(Instant.parse(since)), Optional.of(Instant.parse(until)), Set.of());
    }

    private static String event(Instant at) {
        return "{\"type\":\"user\",\"uuid\":\"u-" + at.toEpochMilli() + "\",\"timestamp\":\"" + at
                + "\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"timestamp\"}]}}";
    }

    private Path write(String relative, String... lines) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        List<String> all = new ArrayList<>(List.of(lines));
        Files.write(file, all, StandardCharsets.UTF_8);
        return file;
    }
}
