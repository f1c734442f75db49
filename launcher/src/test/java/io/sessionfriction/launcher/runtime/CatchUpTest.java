package io.sessionfriction.launcher.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class CatchUpTest {

    @Test
    void aProcessorsErrorIsReportedWithTheReasonKafkaStreamsWrappedInIt() {
        StreamsException wrapped = new StreamsException("failed to initialize processor refuse-lost-state",
                new IllegalStateException("Task 0_1 started again after it processed records"));

        assertThat(CatchUp.reason(wrapped)).isEqualTo("org.apache.kafka.streams.errors.StreamsException: failed to initialize "
                + "processor refuse-lost-state, because: Task 0_1 started again after it processed records");
    }

    @Test
    void anErrorWithoutACauseIsReportedAsItIs() {
        assertThat(CatchUp.reason(new IllegalStateException("broker gone"))).isEqualTo("java.lang.IllegalStateException: broker gone");
    }
}
