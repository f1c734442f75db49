package io.sessionfriction.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitWhenIdleTest {

    private final CommitWhenIdle.Idleness idleness = new CommitWhenIdle.Idleness();

    @Test
    void aTaskStillReceivingRecordsIsNotAskedToCommit() {
        idleness.recordSeen();
        assertThat(idleness.dryAfterRecords()).isFalse();
        idleness.recordSeen();
        assertThat(idleness.dryAfterRecords()).isFalse();
    }

    @Test
    void theFirstCheckWithoutNewRecordsAsksForACommitOnceUntilRecordsComeAgain() {
        idleness.recordSeen();
        assertThat(idleness.dryAfterRecords()).as("records came since the last check").isFalse();

        assertThat(idleness.dryAfterRecords()).as("dry after records").isTrue();
        assertThat(idleness.dryAfterRecords()).as("already asked").isFalse();

        idleness.recordSeen();
        idleness.dryAfterRecords();
        assertThat(idleness.dryAfterRecords()).as("dry again after new records").isTrue();
    }

    @Test
    void aTaskThatNeverHadRecordsIsNeverAskedToCommit() {
        assertThat(idleness.dryAfterRecords()).isFalse();
        assertThat(idleness.dryAfterRecords()).isFalse();
    }
}
