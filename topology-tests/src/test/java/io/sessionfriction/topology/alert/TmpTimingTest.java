package io.sessionfriction.topology.alert;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.event.SignalMatcher;
import io.sessionfriction.processor.topology.AlertStage;
import io.sessionfriction.topology.FrictionDriver;
import io.sessionfriction.topology.RealSessions;

class TmpTimingTest {
    @Test
    void time() {
        Path file = RealSessions.files().stream().filter(f -> f.toString().endsWith("4d5611e5-241a-462a-8d15-5122611a9569.jsonl")).findFirst().orElseThrow();
        List<String> lines = RealSessions.lines(file);
        for (int round = 0; round < 1; round++) {
            long t0 = System.nanoTime();
            try (FrictionDriver d = FrictionDriver.start(ProcessorSettings.defaults().withApplicationId("tmp-a" + round), SignalMatcher.NONE, AlertStage.NONE)) {
                lines.forEach(l -> d.pipeRaw("s", "u", l));
            }
            long t1 = System.nanoTime();
            try (AlertDriver d = AlertDriver.start()) {
                d.pipeRaw("s", "u", lines);
            }
            long t2 = System.nanoTime();
            System.out.println("TIMING lines=" + lines.size() + " none=" + (t1 - t0) / 1_000_000 + "ms alerts=" + (t2 - t1) / 1_000_000 + "ms");
        }
    }
}
