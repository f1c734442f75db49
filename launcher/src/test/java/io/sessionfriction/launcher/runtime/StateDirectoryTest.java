package io.sessionfriction.launcher.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local state is a cache of one cluster's changelogs: kept for that cluster, set aside for any other. */
class StateDirectoryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-11T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** What Kafka Streams leaves in the application's folder: a task directory with a store. */
    private Path someState() throws IOException {
        return Files.writeString(Files.createDirectories(dir.resolve("app/0_0/rocksdb/session-blocks")).resolve("000001.sst"), "x");
    }

    private Stream<String> names() throws IOException {
        return Files.list(dir).map(path -> path.getFileName().toString()).sorted();
    }

    @Test
    void theStateOfTheSameClusterIsKept() throws IOException {
        StateDirectory.lasting(Optional.of(dir), "cluster-a", "app", CLOCK).close();
        Path store = someState();

        StateDirectory again = StateDirectory.lasting(Optional.of(dir), "cluster-a", "app", CLOCK);

        assertThat(again.path()).isEqualTo(dir);
        assertThat(store).exists();
        assertThat(Files.readString(dir.resolve("app.cluster"))).contains("cluster.id=cluster-a").contains("application.id=app");
    }

    @Test
    void theStateOfAnotherClusterIsSetAsideAndTheNewClusterRecorded() throws IOException {
        StateDirectory.lasting(Optional.of(dir), "cluster-a", "app", CLOCK).close();
        someState();

        StateDirectory.lasting(Optional.of(dir), "cluster-b", "app", CLOCK).close();

        assertThat(names()).containsExactly("app.cluster", "app.set-aside-cluster-a-1770840000");
        assertThat(dir.resolve("app.set-aside-cluster-a-1770840000/0_0/rocksdb/session-blocks/000001.sst")).exists();
        assertThat(Files.readString(dir.resolve("app.cluster"))).contains("cluster.id=cluster-b");
    }

    @Test
    void stateOfNoRecordedClusterIsNotTrusted() throws IOException {
        someState();

        StateDirectory.lasting(Optional.of(dir), "cluster-b", "app", CLOCK).close();

        assertThat(names()).containsExactly("app.cluster", "app.set-aside-unknown-cluster-1770840000");
    }

    @Test
    void aRunsOwnFolderIsDeletedWhenItCloses() throws IOException {
        StateDirectory own = StateDirectory.ownFor(Optional.of(dir));
        Files.writeString(Files.createDirectories(own.path().resolve("app/0_0")).resolve(".checkpoint"), "0");
        assertThat(own.path().getParent()).isEqualTo(dir);

        own.close();

        assertThat(names()).isEmpty();
    }
}
