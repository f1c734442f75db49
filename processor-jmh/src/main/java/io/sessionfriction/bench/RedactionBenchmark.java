package io.sessionfriction.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.processor.event.LineRedaction;
import io.sessionfriction.processor.event.TranscriptLine;
import io.sessionfriction.processor.event.TranscriptLineSerde;
import io.sessionfriction.redaction.RedactionCatalogue;
import io.sessionfriction.redaction.RedactionRule;
import io.sessionfriction.redaction.Redactor;
import io.sessionfriction.testsupport.FakeSecrets;

/**
 * What redaction costs where the processor reads a line: one op is one pass over every line of a corpus,
 * parsed from its text as {@code session-events} delivers it ({@link TranscriptLineSerde}), with and
 * without the redaction step ({@link LineRedaction#redacted}). {@code everyRegex} is the design the
 * pre-filter replaces, every rule's regex on every string; {@code withSecrets} lines that each hold a
 * secret, so redaction rewrites every one. Run with {@code -prof gc} (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RedactionBenchmark {

    /** Transcripts to read (every {@code *.jsonl} below): the team's real ones, or any corpus, e.g. {@code samples/sessions}. */
    @Param("../shared/data/real-sessions")
    public String corpus;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Redactor redactor = Redactor.defaults();
    private List<Pattern> patterns;
    private List<String> lines;
    private List<String> linesWithSecrets;

    @Setup
    public void readCorpus() throws IOException {
        lines = TranscriptCorpus.lines(corpus);
        patterns = RedactionCatalogue.defaults().rules().stream().map(RedactionRule::pattern).toList();
        linesWithSecrets = FakeSecrets.all().stream().map(secret -> failedCommand(secret.inCommand(), secret.inText())).toList();
    }

    @Benchmark
    public void parse(Blackhole sink) {
        for (String line : lines) {
            sink.consume(TranscriptLineSerde.parse(line));
        }
    }

    @Benchmark
    public void parseAndRedact(Blackhole sink) {
        for (String line : lines) {
            sink.consume(LineRedaction.redacted(TranscriptLineSerde.parse(line), redactor, sink::consume));
        }
    }

    @Benchmark
    public void parseAndEveryRegex(Blackhole sink) {
        for (String line : lines) {
            TranscriptLine parsed = TranscriptLineSerde.parse(line);
            if (parsed.isParsed()) {
                everyRegex(parsed.json(), sink);
            }
        }
    }

    @Benchmark
    public void withSecretsParseAndRedact(Blackhole sink) {
        for (String line : linesWithSecrets) {
            sink.consume(LineRedaction.redacted(TranscriptLineSerde.parse(line), redactor, sink::consume));
        }
    }

    private void everyRegex(JsonNode node, Blackhole sink) {
        if (node.isTextual()) {
            for (Pattern pattern : patterns) {
                sink.consume(pattern.matcher(node.textValue()).find());
            }
        }
        node.forEach(child -> everyRegex(child, sink));
    }

    /** A failed Bash result as Claude Code writes it, holding the secret in its content and toolUseResult. */
    private static String failedCommand(String command, String output) {
        ObjectNode line = JSON.createObjectNode().put("type", "user").put("uuid", "3331f0a2-9c1e-4a55-8d3e-2f1a0b9c8d7e")
                .put("sessionId", "258c7280-ae70-4798-800f-63464d01a85d").put("timestamp", "2026-02-11T20:38:53.748Z")
                .put("cwd", "/home/analyst/projects/churn");
        line.putObject("message").put("role", "user").putArray("content").addObject()
                .put("type", "tool_result").put("tool_use_id", "toolu_01UeW27qA9GbyT6uKQgp2VCT").put("is_error", true)
                .put("content", "Exit code 1\n+ " + command + "\n" + output);
        line.put("toolUseResult", "Error: Exit code 1\n+ " + command + "\n" + output);
        try {
            return JSON.writeValueAsString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
