package io.sessionfriction.replay.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ReplayCleanupTest {

    private static final String RUN = "session-friction-replay-0123456789ab";

    @Test
    void theRunsOwnTopicsAndItsApplicationsInternalTopicsAreItsNothingElse() {
        ReplayCleanup cleanup = new ReplayCleanup(new Properties(), RUN + ".", RUN);

        List<String> topics = cleanup.runTopics(List.of(
                "friction-alerts", "session-events", "collector-offsets",
                "session-friction-processor-session-blocks-changelog",
                RUN + ".friction-alerts", RUN + ".collector-offsets",
                RUN + "-seen-events-changelog", RUN + "-notes", RUN + "x-alert-state-changelog",
                "session-friction-replay-ffffffffffff.friction-alerts"));

        assertThat(topics).containsExactly(RUN + "-seen-events-changelog", RUN + ".collector-offsets", RUN + ".friction-alerts");
    }
}
