package io.sessionfriction.processor.event;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is the line's {@code timestamp}, never the file's mtime or the record's produce time.
 * Lines without a usable time (untimed by design, or bound for the DLQ) take the partition's time so
 * they neither move stream time nor get dropped: a negative timestamp would make Kafka Streams skip the
 * record silently. Before the partition has a time they take 0, never the record's produce time: that
 * is the wall clock, and it would make a replay of last week's sessions late on its first line.
 */
public final class EventTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof TranscriptLine line && line.isParsed()
                && EventTime.of(line.json(), EventClassifier.classify(line.json())) instanceof EventTime.At at) {
            return at.instant().toEpochMilli();
        }
        return Math.max(partitionTime, 0);
    }
}
