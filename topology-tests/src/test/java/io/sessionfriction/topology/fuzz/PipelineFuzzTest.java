package io.sessionfriction.topology.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionfriction.collector.checkpoint.Checkpoint;
import io.sessionfriction.collector.discover.SessionFile;
import io.sessionfriction.collector.discover.SessionLayout;
import io.sessionfriction.collector.tail.FileOpener;
import io.sessionfriction.collector.tail.FileTail;
import io.sessionfriction.collector.tail.TailItem;
import io.sessionfriction.collector.tail.TailRead;
import io.sessionfriction.limits.RecordLimits;
import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.MeteredProcessorEvents;
import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.Topics;
import io.sessionfriction.processor.alert.FixesRegistry;
import io.sessionfriction.processor.alert.FrictionAlertStage;
import io.sessionfriction.processor.event.DeadLetter;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.processor.rules.RuleMatcher;
import io.sessionfriction.topology.FrictionDriver;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Hostile transcripts ({@link HostileLines}) through the collector's framing (a file tail) and the
 * processor's parsing and whole topology with the shipped rules (the test driver): nothing throws, no
 * stage fails on a line, every line is accounted for (an event, or a DLQ record, and every event enriched,
 * dead, late or a repeat), and every record written, changelogs included, fits the processor's record
 * limits with a time no broker refuses. {@code -Dsessionfriction.fuzz.seeds=N} runs N more seeds.
 */
class PipelineFuzzTest {

    private static final RuleCatalogue RULES = RuleCatalogue.defaults();
    private static final int WINDOW_KEY_SUFFIX = Long.BYTES + Integer.BYTES;

    @Property(tries = 100)
    void everyHostileLineIsAccountedForAndNothingWrittenBreaksALimit(@ForAll long seed) throws IOException {
        check(seed);
    }

    /** Found by the property: a bash_progress line's elapsedTimeSeconds near Long.MAX_VALUE dated its start before any instant. */
    @Test
    void aProgressLineClaimingAnImpossibleRunFailsNoStage() throws IOException {
        check(22997);
    }

    @Test
    @EnabledIfSystemProperty(named = "sessionfriction.fuzz.seeds", matches = "\\d+")
    void manyMoreSeeds() throws IOException {
        long seeds = Long.parseLong(System.getProperty("sessionfriction.fuzz.seeds"));
        for (long seed = 0; seed < seeds; seed++) {
            check(seed);
        }
    }

    private static void check(long seed) throws IOException {
        HostileLines hostile = new HostileLines(seed);
        int lines = 1 + (int) Math.floorMod(seed, 40L);
        List<byte[]> written = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            byte[] line = hostile.next();
            written.add(line);
            file.write(line);
            file.write('\n');
        }
        Path root = Files.createTempDirectory("fuzz-");
        try {
            List<TailItem> items = frame(root, file.toByteArray());
            accountForEveryLine(seed, written, items);
            process(seed, items);
        } finally {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The collector's framing of a static file: every complete line, read in chunks to the end. */
    private static List<TailItem> frame(Path root, byte[] content) throws IOException {
        Path path = Files.createDirectories(root.resolve("ana")).resolve("2026-02-11_5e550000-0000-4000-8000-000000000001.jsonl");
        Files.write(path, content);
        SessionFile file = SessionLayout.describe(root, path);
        FileTail tail = new FileTail(file, Checkpoint.start(file.relativePath(), file.user()), FileOpener.DEFAULT);
        List<TailItem> items = new ArrayList<>();
        TailRead read;
        do {
            read = tail.read(Instant.EPOCH, java.time.Duration.ZERO, true);
            items.addAll(read.items());
        } while (read.more());
        return items;
    }

    private static void accountForEveryLine(long seed, List<byte[]> written, List<TailItem> items) {
        if (!items.isEmpty() && items.get(0) instanceof TailItem.Rejected first && first.notATranscript()) {
            // Another tool's file: one DLQ record stands for it, and only a first line without an object can say so.
            assertThat(items).as("seed %d", seed).hasSize(1);
            return;
        }
        Set<Long> expected = new TreeSet<>();
        for (int i = 0; i < written.size(); i++) {
            if (!new String(written.get(i), StandardCharsets.ISO_8859_1).isBlank()) {
                expected.add(i + 1L);
            }
        }
        Set<Long> framed = new TreeSet<>();
        items.forEach(item -> framed.add(item.line()));
        assertThat(framed).as("seed %d: lines with an event or a DLQ record", seed).isEqualTo(expected);
    }

    private static void process(long seed, List<TailItem> items) {
        ProcessorSettings settings = ProcessorSettings.defaults().withApplicationId("fuzz");
        List<String> events = items.stream().filter(TailItem.Event.class::isInstance)
                .map(item -> new String(((TailItem.Event) item).json(), StandardCharsets.UTF_8)).toList();
        try (FrictionDriver driver = FrictionDriver.start(settings, new RuleMatcher(RULES),
                new FrictionAlertStage(RULES, FixesRegistry.empty(), settings, new MeteredProcessorEvents(new SimpleMeterRegistry())))) {
            events.forEach(event -> driver.pipeRaw("5e550000-0000-4000-8000-000000000001", "ana", event));
            double duplicates = driver.counter(MeteredProcessorEvents.DUPLICATES);
            Map<String, List<TestRecord<byte[], byte[]>>> written = driver.everyRecordWritten();

            List<TestRecord<byte[], byte[]>> dead = written.getOrDefault(Topics.SESSION_EVENTS_DLQ.name(), List.of());
            assertThat(dead).as("seed %d: no stage failed on a line", seed).noneSatisfy(record ->
                    assertThat(Json.read(record.value(), DeadLetter.class).error()).startsWith("processing failed"));
            int enriched = written.getOrDefault(Topics.SESSION_EVENTS_ENRICHED.name(), List.of()).size();
            int late = written.getOrDefault(Topics.SESSION_EVENTS_LATE.name(), List.of()).size();
            assertThat(enriched + dead.size() + late + (long) duplicates).as("seed %d: every event accounted for", seed)
                    .isEqualTo(events.size());
            written.forEach((topic, records) -> assertThat(records).as("seed %d: %s", seed, topic).allSatisfy(record -> {
                // A window store's changelog key is the store key, its time and a sequence number.
                assertThat(record.key() == null ? 0 : record.key().length).isLessThanOrEqualTo(RecordLimits.MAX_KEY_BYTES + WINDOW_KEY_SUFFIX);
                assertThat(record.value() == null ? 0 : record.value().length).isLessThanOrEqualTo(RecordLimits.MAX_OUTPUT_VALUE_BYTES);
                assertThat(record.timestamp()).isBetween(0L, FrictionDriver.NOW.toEpochMilli());
            }));
        }
    }
}
