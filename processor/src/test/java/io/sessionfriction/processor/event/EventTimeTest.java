package io.sessionfriction.processor.event;

import static io.sessionfriction.processor.event.Lines.T0;
import static io.sessionfriction.processor.event.Lines.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    private final EventTimestampExtractor extractor = new EventTimestampExtractor();

    @Test
    void aTimedLineHasItsTimestamp() {
        assertThat(EventTime.of(Lines.userPrompt("hi", T0), EventKind.USER_PROMPT)).isEqualTo(new EventTime.At(T0));
    }

    @Test
    void summaryAndSnapshotAreUntimedEvenIfTheyCarryATime() {
        assertThat(EventTime.of(json("{\"type\":\"summary\",\"timestamp\":\"2026-01-01T00:00:00Z\"}"), EventKind.SUMMARY))
                .isInstanceOf(EventTime.Untimed.class);
        assertThat(EventTime.of(json("{\"type\":\"file-history-snapshot\"}"), EventKind.FILE_HISTORY_SNAPSHOT))
                .isInstanceOf(EventTime.Untimed.class);
    }

    @Test
    void aLineThatShouldHaveATimeAndHasNoUsableOneSaysWhy() {
        assertThat(EventTime.of(json("{\"type\":\"user\"}"), EventKind.USER_PROMPT))
                .isEqualTo(new EventTime.Unusable("missing timestamp on a USER_PROMPT line"));
        assertThat(EventTime.of(json("{\"type\":\"user\",\"timestamp\":\"soon\"}"), EventKind.USER_PROMPT))
                .isEqualTo(new EventTime.Unusable("unparsable timestamp: soon"));
        assertThat(EventTime.of(json("{\"type\":\"user\",\"timestamp\":null}"), EventKind.USER_PROMPT))
                .isInstanceOf(EventTime.Unusable.class);
    }

    @Test
    void unknownTypesWithoutATimePassUntimed() {
        assertThat(EventTime.of(json("{\"type\":\"attachment\"}"), EventKind.UNKNOWN)).isInstanceOf(EventTime.Untimed.class);
    }

    @Test
    void theExtractorReadsEventTimeAndGivesOtherLinesThePartitionTimeNeverTheProduceTime() {
        long produced = T0.plusSeconds(86_400 * 30).toEpochMilli();
        long partitionTime = T0.plusSeconds(60).toEpochMilli();

        assertThat(extractor.extract(record(TranscriptLineSerde.parse(Lines.userPrompt("hi", T0).toString()), produced), partitionTime))
                .isEqualTo(T0.toEpochMilli());
        assertThat(extractor.extract(record(TranscriptLineSerde.parse("{\"type\":\"summary\"}"), produced), partitionTime))
                .isEqualTo(partitionTime);
        assertThat(extractor.extract(record(TranscriptLineSerde.parse("{broken"), produced), partitionTime))
                .isEqualTo(partitionTime);
        assertThat(extractor.extract(record(TranscriptLineSerde.parse("{\"type\":\"summary\"}"), produced), -1))
                .as("before the partition has a time: 0, which never advances stream time").isZero();
    }

    private static ConsumerRecord<Object, Object> record(TranscriptLine value, long timestamp) {
        return new ConsumerRecord<>("session-events", 0, 0, timestamp, TimestampType.CREATE_TIME,
                0, 0, "s1", value, new RecordHeaders(), Optional.empty());
    }
}
