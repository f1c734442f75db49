package io.sessionfriction.launcher.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeferredChecksTest {

    @Test
    void isAliveButNotReadyWhileStartingThenAnswersWithTheStartedChecks() {
        DeferredChecks checks = new DeferredChecks("processor starting: creating topics");

        assertThat(checks.live()).isEqualTo(Health.up());
        assertThat(checks.ready()).isEqualTo(Health.down("processor starting: creating topics"));

        checks.set(new Health.Checks() {
            @Override
            public Health live() {
                return Health.down("processor failed: fenced");
            }

            @Override
            public Health ready() {
                return Health.down("Kafka Streams state ERROR");
            }
        });

        assertThat(checks.live()).isEqualTo(Health.down("processor failed: fenced"));
        assertThat(checks.ready()).isEqualTo(Health.down("Kafka Streams state ERROR"));
    }
}
