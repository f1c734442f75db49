package io.sessionfriction.bench.processor;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;

/**
 * Kafka's own floor for the processor: every input record copied unchanged to one output topic, bytes in, bytes
 * out, stamped with its record time.
 */
final class PassThrough {

    private PassThrough() {
    }

    static Topology topology(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withTimestampExtractor(new UsePartitionTimeOnInvalidTimestamp()).withName("bench-source"))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-sink"));
        return builder.build();
    }
}
