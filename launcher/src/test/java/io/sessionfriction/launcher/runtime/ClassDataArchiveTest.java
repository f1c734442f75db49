package io.sessionfriction.launcher.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first short run of a build writes its class-data archive under a temporary name, kept only when that
 * run succeeded; later runs map it; a new build's archive replaces the old one; a file cut short is never mapped.
 */
class ClassDataArchiveTest {

    private static final Instant BUILT = Instant.parse("2026-12-01T10:00:00Z");
    private static final List<String> OPTIONS = List.of("-Xmx1g");

    @TempDir
    Path dir;
    Path cache;
    Path jar;

    @BeforeEach
    void aBuiltJar() throws IOException {
        cache = dir.resolve("cache");
        jar = Files.writeString(dir.resolve("session-friction.jar"), "the jar's bytes");
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    @Test
    void theFirstRunWritesTheArchiveAtItsExitAndTheNextMapsIt() throws IOException {
        ClassDataArchive first = archive("replay").orElseThrow();

        assertThat(first.writes()).isTrue();
        Path unfinished = option(first, "-XX:ArchiveClassesAtExit=");
        assertThat(unfinished.getParent()).isEqualTo(cache.resolve("class-data"));
        assertThat(first.jvmOptions()).contains("-Xlog:cds*=off");

        Files.write(unfinished, new byte[4096]);
        first.settle(0);

        Path kept = only(cache.resolve("class-data"));
        assertThat(kept.getFileName().toString()).matches("replay-[0-9a-f]+-[0-9a-f]+\\.4096\\.jsa");
        ClassDataArchive next = archive("replay").orElseThrow();
        assertThat(next.writes()).isFalse();
        assertThat(next.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + kept, "-Xlog:cds*=off");
        next.settle(0);
        assertThat(only(cache.resolve("class-data"))).isEqualTo(kept);
    }

    @Test
    void aRunThatFailedOrWroteNothingKeepsNothing() throws IOException {
        ClassDataArchive failed = archive("replay").orElseThrow();
        Files.write(option(failed, "-XX:ArchiveClassesAtExit="), new byte[4096]);
        failed.settle(1);
        assertThat(files(cache.resolve("class-data"))).isEmpty();

        ClassDataArchive empty = archive("replay").orElseThrow();
        Files.write(option(empty, "-XX:ArchiveClassesAtExit="), new byte[0]);
        empty.settle(0);
        assertThat(files(cache.resolve("class-data"))).isEmpty();

        archive("replay").orElseThrow().settle(0);
        assertThat(files(cache.resolve("class-data"))).isEmpty();
    }

    @Test
    void anArchiveWhoseSizeIsNotTheOneInItsNameIsDeletedNotMapped() throws IOException {
        keep(archive("replay").orElseThrow(), 4096);
        Path kept = only(cache.resolve("class-data"));
        Files.write(kept, new byte[1000]);

        ClassDataArchive next = archive("replay").orElseThrow();

        assertThat(next.writes()).isTrue();
        assertThat(files(cache.resolve("class-data"))).isEmpty();
    }

    @Test
    void aNewBuildsArchiveReplacesTheOldOneButNotAnotherCommandsOrPlacesArchive() throws IOException {
        keep(archive("replay").orElseThrow(), 4096);
        keep(archive("run").orElseThrow(), 2048);
        Path otherJar = Files.writeString(dir.resolve("other.jar"), "another checkout's jar");
        keep(ClassDataArchive.forRun(cache, "replay", OPTIONS, otherJar.toString(), "/jdk", "17.0.15+6").orElseThrow(), 1024);
        assertThat(files(cache.resolve("class-data"))).hasSize(3);

        Files.setLastModifiedTime(jar, FileTime.from(BUILT.plusSeconds(60)));
        ClassDataArchive rebuilt = archive("replay").orElseThrow();
        assertThat(rebuilt.writes()).isTrue();
        keep(rebuilt, 8192);

        assertThat(files(cache.resolve("class-data"))).extracting(file -> file.getFileName().toString().replaceAll("-[0-9a-f]+", ""))
                .containsExactlyInAnyOrder("replay.8192.jsa", "run.2048.jsa", "replay.1024.jsa");
    }

    @Test
    void runsThatDifferOnlyInSystemPropertiesShareTheArchive() throws IOException {
        keep(archive("replay").orElseThrow(), 4096);

        ClassDataArchive withProperties = ClassDataArchive.forRun(cache, "replay", List.of("-Xmx1g", "-Dlogback.configurationFile=l.xml"),
                jar.toString(), "/jdk", "17.0.15+6").orElseThrow();
        ClassDataArchive withAnotherHeap = ClassDataArchive.forRun(cache, "replay", List.of("-Xmx2g"), jar.toString(), "/jdk",
                "17.0.15+6").orElseThrow();

        assertThat(withProperties.writes()).isFalse();
        assertThat(withAnotherHeap.writes()).isTrue();
    }

    @Test
    void aCommandKeepsItsNewestArchivesOnly() throws IOException {
        for (int heap = 1; heap <= ClassDataArchive.KEPT_PER_COMMAND + 1; heap++) {
            ClassDataArchive archive = ClassDataArchive.forRun(cache, "replay", List.of("-Xmx" + heap + "g"), jar.toString(), "/jdk",
                    "17.0.15+6").orElseThrow();
            Path unfinished = option(archive, "-XX:ArchiveClassesAtExit=");
            Files.write(unfinished, new byte[1000 + heap]);
            Files.setLastModifiedTime(unfinished, FileTime.from(BUILT.plusSeconds(heap)));
            archive.settle(0);
        }

        assertThat(files(cache.resolve("class-data"))).extracting(file -> file.getFileName().toString().replaceAll(".*\\.(\\d+)\\.jsa", "$1"))
                .containsExactlyInAnyOrder("1002", "1003", "1004");
    }

    @Test
    void aJvmWithClassDataOptionsOfItsOwnAClassFolderOrNoCacheGetsNone() throws IOException {
        for (String own : List.of("-XX:SharedArchiveFile=mine.jsa", "-Xshare:off", "-XX:ArchiveClassesAtExit=mine.jsa")) {
            assertThat(ClassDataArchive.forRun(cache, "replay", List.of(own), jar.toString(), "/jdk", "17.0.15+6")).as(own).isEmpty();
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(ClassDataArchive.forRun(cache, "replay", OPTIONS, jar + File.pathSeparator + classes, "/jdk", "17.0.15+6"))
                .isEmpty();
        assertThat(ClassDataArchive.forRun(jar.resolve("cache"), "replay", OPTIONS, jar.toString(), "/jdk", "17.0.15+6"))
                .as("a cache that cannot be made: its parent is a file").isEmpty();
    }

    @Test
    void aCacheDirectoryThatIsNoPathCostsTheArchiveNotTheRun() {
        String before = System.getProperty(ClassDataArchive.CACHE_PROPERTY);
        System.setProperty(ClassDataArchive.CACHE_PROPERTY, "bad\0dir");
        try {
            assertThat(ClassDataArchive.forRun("replay", OPTIONS, jar.toString())).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(ClassDataArchive.CACHE_PROPERTY);
            } else {
                System.setProperty(ClassDataArchive.CACHE_PROPERTY, before);
            }
        }
    }

    @Test
    void theCacheIsTheOneGivenElseTheXdgCacheElseTheHomes() {
        Map<String, String> xdg = Map.of("XDG_CACHE_HOME", "/var/cache/me");
        assertThat(ClassDataArchive.cacheDirectory("/srv/cache", xdg, "/home/me")).isEqualTo(Path.of("/srv/cache"));
        assertThat(ClassDataArchive.cacheDirectory(null, xdg, "/home/me")).isEqualTo(Path.of("/var/cache/me", "session-friction"));
        assertThat(ClassDataArchive.cacheDirectory(null, Map.of(), "/home/me")).isEqualTo(Path.of("/home/me", ".cache", "session-friction"));
    }

    private Optional<ClassDataArchive> archive(String command) {
        return ClassDataArchive.forRun(cache, command, OPTIONS, jar.toString(), "/jdk", "17.0.15+6");
    }

    private static void keep(ClassDataArchive archive, int bytes) throws IOException {
        Files.write(option(archive, "-XX:ArchiveClassesAtExit="), new byte[bytes]);
        archive.settle(0);
    }

    private static Path option(ClassDataArchive archive, String prefix) {
        return archive.jvmOptions().stream().filter(option -> option.startsWith(prefix)).map(option -> Path.of(option.substring(prefix.length())))
                .findFirst().orElseThrow();
    }

    private static Path only(Path directory) throws IOException {
        List<Path> files = files(directory);
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
