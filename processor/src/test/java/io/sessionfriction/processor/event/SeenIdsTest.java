package io.sessionfriction.processor.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.FailOnInvalidTimestamp;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.ProcessorSettings;

/**
 * The key-value memory of a single run answers every question of the repeat check as the window store does: both
 * built as the topology builds them (a replay's RocksDB window store, its in-memory key-value store), side by side.
 */
class SeenIdsTest {

    private static final Instant T0 = Instant.parse("2026-02-09T10:00:00Z");

    @Test
    void overRandomRepeatsLateLinesAndJumpsPastTheRetentionBothStoresGiveTheSameAnswers() {
        // A short retention, so that ids expire within the run, across the window store's 60 s segments.
        long retention = Duration.ofSeconds(20).toMillis();
        Random random = new Random(20261202);
        List<String> steps = new ArrayList<>();
        long time = T0.toEpochMilli();
        for (int i = 0; i < 4_000; i++) {
            int move = random.nextInt(100);
            if (move < 60) {
                time += random.nextInt(2_000);
            } else if (move < 90) {
                steps.add(step(random, Math.max(0, time - random.nextInt(40_000))));
                continue;
            } else if (move < 98) {
                time += random.nextInt(30_000);
            } else {
                time += retention * (1 + random.nextInt(5));
            }
            steps.add(step(random, time));
        }

        List<String> answers = answers(steps, retention);

        assertThat(answers).hasSize(steps.size()).allSatisfy(answer -> assertThat(answer).endsWith("same"));
        assertThat(answers).as("repeats found").anyMatch(answer -> answer.contains("seen"))
                .as("ids forgotten, or never seen").anyMatch(answer -> answer.contains("new"));
    }

    @Test
    void aRepeatWithinTheRetentionIsSeenOneBeyondItIsNew() {
        long retention = Duration.ofSeconds(20).toMillis();
        long t = T0.toEpochMilli();

        List<String> answers = answers(List.of("a@" + t, "a@" + (t + 19_000), "b@" + (t + 60_000), "a@" + (t + 61_000)), retention);

        assertThat(answers).containsExactly("a@" + t + " new same", "a@" + (t + 19_000) + " seen same",
                "b@" + (t + 60_000) + " new same", "a@" + (t + 61_000) + " new same");
    }

    /** An id of a small pool at a time, as "id@millis". */
    private static String step(Random random, long time) {
        return "id-" + random.nextInt(400) + "@" + time;
    }

    /**
     * Each step through both memories as the repeat check uses them (remembered if new), as
     * "id@time seen|new same|differ".
     */
    private static List<String> answers(List<String> steps, long retention) {
        ProcessorSettings settings = ProcessorSettings.defaults().withStorage(ProcessorSettings.StateStorage.DISPOSABLE)
                .withStreamThreads(1);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(settings.windowStore("window", Duration.ofMillis(retention), Duration.ofMillis(1),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(settings.keyValueStore("keyed", Serdes.String(), Json.serde(SeenTimes.class)));
        builder.stream("steps", Consumed.with(Serdes.String(), Serdes.String()).withTimestampExtractor(new FailOnInvalidTimestamp()))
                .processValues(() -> new BothMemories(retention), "window", "keyed")
                .to("answers", Produced.with(Serdes.String(), Serdes.String()));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), settings.streamsProperties("unused:9092"), T0)) {
            TestInputTopic<String, String> input = driver.createInputTopic("steps", Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, String> output = driver.createOutputTopic("answers", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            for (String step : steps) {
                long at = Long.parseLong(step.substring(step.indexOf('@') + 1));
                input.pipeInput(step.substring(0, step.indexOf('@')), step, Instant.ofEpochMilli(at));
            }
            return output.readValuesToList();
        }
    }

    private static final class BothMemories implements FixedKeyProcessor<String, String, String> {
        private final long retention;
        private FixedKeyProcessorContext<String, String> context;
        private SeenIds window;
        private SeenIds keyed;

        BothMemories(long retention) {
            this.retention = retention;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, String> context) {
            this.context = context;
            this.window = new SeenIds.Windowed(context.getStateStore("window"), retention);
            this.keyed = new SeenIds.Keyed(context.getStateStore("keyed"), retention);
        }

        @Override
        public void process(FixedKeyRecord<String, String> record) {
            long time = record.timestamp();
            assertThat(time).as("the step's own time").isEqualTo(Long.parseLong(record.value().substring(record.value().indexOf('@') + 1)));
            boolean byWindow = !window.rememberIfNew(record.key(), time);
            boolean byKey = !keyed.rememberIfNew(record.key(), time);
            context.forward(record.withValue(record.value() + (byWindow ? " seen " : " new ") + (byWindow == byKey ? "same" : "differ")));
        }
    }
}
