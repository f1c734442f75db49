package io.sessionfriction.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sessions folder the first JVM sizes up is the one the command will read: flag, environment, config file, default. */
class SessionsFolderTest {

    @Test
    void theFlagInEitherFormBeatsTheEnvironment() {
        Map<String, String> environment = Map.of("SESSION_FRICTION_SESSIONS", "/from/env");

        assertThat(Main.sessionsFolder(new String[] {"replay", "--sessions", "in/here"}, environment)).contains(Path.of("in/here"));
        assertThat(Main.sessionsFolder(new String[] {"run", "--sessions=there"}, environment)).contains(Path.of("there"));
        assertThat(Main.sessionsFolder(new String[] {"replay"}, environment)).contains(Path.of("/from/env"));
    }

    @Test
    void thenTheConfigFileThenTheSamples(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("replay.properties"), "sessions=/from/file\n");

        assertThat(Main.sessionsFolder(new String[] {"--config", config.toString(), "replay"}, Map.of())).contains(Path.of("/from/file"));
        assertThat(Main.sessionsFolder(new String[] {"replay"}, Map.of("SESSION_FRICTION_CONFIG", config.toString())))
                .contains(Path.of("/from/file"));
        assertThat(Main.sessionsFolder(new String[] {"replay"}, Map.of())).contains(Path.of("samples/sessions"));
    }

    @Test
    void aValueThatIsNoPathIsNone() {
        assertThat(Main.sessionsFolder(new String[] {"replay", "--sessions", "bad\0path"}, Map.of())).isEmpty();
    }
}
