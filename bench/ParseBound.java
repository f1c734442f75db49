import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A floor for any JVM replay: the time Jackson alone takes to parse every line of a corpus into a tree,
 * on one core, with the lines already in memory. Five rounds; the first ones include JIT warm-up.
 *
 *     java -cp launcher/target/session-friction.jar bench/ParseBound.java /tmp/corpus
 */
public class ParseBound {

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<byte[]> lines = new ArrayList<>();
        long bytes = 0;
        try (var files = Files.walk(Path.of(args[0]))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                byte[] all = Files.readAllBytes(file);
                int start = 0;
                for (int i = 0; i <= all.length; i++) {
                    if (i == all.length || all[i] == '\n') {
                        if (i > start) {
                            lines.add(Arrays.copyOfRange(all, start, i));
                            bytes += i - start;
                        }
                        start = i + 1;
                    }
                }
            }
        }
        for (int round = 1; round <= 5; round++) {
            long began = System.nanoTime();
            long parsed = 0;
            for (byte[] line : lines) {
                try {
                    mapper.readTree(line);
                    parsed++;
                } catch (Exception malformed) {
                    // Counted out: the floor is for good lines.
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("round %d: %,d lines, %.0f MB in %.2f s = %.0f MB/s%n", round, parsed, bytes / 1e6, seconds,
                    bytes / 1e6 / seconds);
        }
    }
}
