package io.sessionfriction.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sessionfriction.testsupport.SharedData;

/**
 * The shipped rules on the team's real transcripts, which hold no credential: every redaction there is a
 * false alarm. docs/security.md records the count; each case is listed in
 * {@code target/real-sessions-redactions.txt} to be read.
 */
@Tag(SharedData.TAG)
class RealTranscriptsTest {

    /** The false-positive count docs/security.md gives for data/real-sessions. */
    static final int FALSE_POSITIVES = 0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern HEX_ID = Pattern.compile("\\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\\b");
    private static final Pattern TOOL_USE_ID = Pattern.compile("\\btoolu_[A-Za-z0-9]{20,}");
    private static final Pattern PATH = Pattern.compile("(?:^|\\s)/(?:[\\w.-]+/)+[\\w.-]+");

    @Test
    void noStringOfTheRealTranscriptsIsRedactedAndTheirIdsPathsAndWordsStay() throws IOException {
        Path root = SharedData.realSessions();
        Redactor redactor = Redactor.defaults();
        List<RedactionRule> rules = RedactionCatalogue.defaults().rules();
        LiteralScanner prefilter = new LiteralScanner(rules.stream().map(RedactionRule::literals).toList());
        LiteralScanner.Hits hits = new LiteralScanner.Hits(rules.size());
        List<String> cases = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        int lines = 0;
        for (Path file : transcripts(root)) {
            List<String> text = Files.readAllLines(file);
            for (int i = 0; i < text.size(); i++) {
                JsonNode line;
                try {
                    line = JSON.readTree(text.get(i));
                } catch (IOException malformed) {
                    continue;
                }
                lines++;
                JsonNode before = line.deepCopy();
                strings(before, value -> count(value, prefilter, hits, seen));
                Findings findings = redactor.redactInPlace(line);
                for (Findings.Secret secret : findings.secrets()) {
                    cases.add(root.relativize(file) + ":" + (i + 1) + " " + secret.kind() + " " + secret.value());
                }
                if (!findings.any()) {
                    assertThat(line).isEqualTo(before);
                }
            }
        }
        Files.writeString(Path.of("target/real-sessions-redactions.txt"),
                lines + " lines; strings holding: " + seen + "\n" + String.join("\n", cases) + "\n");

        assertThat(lines).isGreaterThan(10_000);
        assertThat(seen).allSatisfy((what, strings) -> assertThat(strings).as(what).isPositive());
        assertThat(cases).hasSize(FALSE_POSITIVES);
    }

    private static void count(String value, LiteralScanner prefilter, LiteralScanner.Hits hits, Map<String, Integer> seen) {
        seen.merge("strings", 1, Integer::sum);
        if (prefilter.scan(value, hits)) {
            seen.merge("a literal (regex ran)", 1, Integer::sum);
            hits.clear();
        }
        if (UUID.matcher(value).find()) {
            seen.merge("uuid", 1, Integer::sum);
        }
        if (HEX_ID.matcher(value).find()) {
            seen.merge("hex id (git sha, agent id)", 1, Integer::sum);
        }
        if (TOOL_USE_ID.matcher(value).find()) {
            seen.merge("tool-use id", 1, Integer::sum);
        }
        if (PATH.matcher(value).find()) {
            seen.merge("path", 1, Integer::sum);
        }
    }

    private static void strings(JsonNode node, Consumer<String> each) {
        if (node.isTextual()) {
            each.accept(node.textValue());
        }
        node.forEach(child -> strings(child, each));
    }

    private static List<Path> transcripts(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".jsonl")).sorted().toList();
        }
    }
}
