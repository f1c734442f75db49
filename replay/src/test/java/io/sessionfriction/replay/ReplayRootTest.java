package io.sessionfriction.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.collector.discover.SessionDiscovery;
import io.sessionfriction.collector.discover.SessionFile;
import io.sessionfriction.replay.catalogue.SessionCatalogue;
import io.sessionfriction.replay.catalogue.SessionSpan;

/** The temporary root holds exactly the selected files where the collector expects them, and goes away after. */
class ReplayRootTest {

    private static final String ID = "3a609041-49d6-4359-8156-4a3a4522fef6";
    private static final String OTHER = "64dd87dd-7b7c-4bff-89ca-e9ff42be03d8";

    @TempDir
    Path sessions;

    @Test
    void theCollectorsDiscoverySeesTheSelectedFilesAtTheirOwnPathsAndNothingElse() throws IOException {
        write("alice/2026-01-05_" + ID + ".jsonl");
        write("alice/" + ID + "/subagents/agent-aece919.jsonl");
        write("bob/2026-01-05_" + OTHER + ".jsonl");
        List<SessionSpan> alice = SessionCatalogue.scan(sessions).sessions().stream()
                .filter(s -> s.sessionKey().equals(ID)).toList();

        Path root;
        try (ReplayRoot replayRoot = ReplayRoot.of(alice)) {
            root = replayRoot.path();
            assertThat(new SessionDiscovery(root).scan().files()).extracting(SessionFile::relativePath, SessionFile::user)
                    .containsExactlyInAnyOrder(
                            tuple("alice/2026-01-05_" + ID + ".jsonl", "alice"),
                            tuple("alice/" + ID + "/subagents/agent-aece919.jsonl", "alice"));
            assertThat(root.resolve("alice/2026-01-05_" + ID + ".jsonl")).hasSameTextualContentAs(
                    sessions.resolve("alice/2026-01-05_" + ID + ".jsonl"));
        }

        assertThat(root).doesNotExist();
        try (Stream<Path> left = Files.walk(sessions)) {
            assertThat(left.filter(Files::isRegularFile).count()).as("the originals stay").isEqualTo(3);
        }
    }

    private void write(String relative) throws IOException {
        Path file = sessions.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"type\":\"user\",\"timestamp\":\"2026-01-05T09:00:00Z\"}\n");
    }
}
