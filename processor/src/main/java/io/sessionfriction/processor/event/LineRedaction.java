package io.sessionfriction.processor.event;

import java.util.function.Consumer;

import org.apache.kafka.streams.kstream.ValueMapperWithKey;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sessionfriction.processor.ProcessorEvents;
import io.sessionfriction.redaction.Findings;
import io.sessionfriction.redaction.Redactor;

/**
 * Takes the secrets out of each line of {@code session-events} as it enters the topology, before any
 * store, rule or sink sees it: every string of a parsed line (nested tool inputs and results,
 * {@code toolUseResult}, {@code fullOutput}), or the raw text and parse error of a line that does not
 * parse. Only the input topic keeps the line as written (docs/security.md).
 *
 * <p>A changed line stands for its redacted text from then on: the enriched topic and a dead letter's
 * {@code raw} carry that text, never the original.
 */
public final class LineRedaction implements ValueMapperWithKey<String, TranscriptLine, TranscriptLine> {

    private final Redactor redactor;
    private final ProcessorEvents events;

    public LineRedaction(Redactor redactor, ProcessorEvents events) {
        this.redactor = redactor;
        this.events = events;
    }

    @Override
    public TranscriptLine apply(String sessionKey, TranscriptLine line) {
        return redacted(line, redactor,
                findings -> findings.byKind().forEach((kind, count) -> events.redacted(sessionKey, kind, count)));
    }

    /**
     * The line without its secrets, or the very same line when it holds none (or is null);
     * {@code counted} hears what was taken out.
     */
    public static TranscriptLine redacted(TranscriptLine line, Redactor redactor, Consumer<Findings> counted) {
        if (line == null) {
            return null;
        }
        return line.isParsed() ? parsed(line, redactor, counted) : unparsed(line, redactor, counted);
    }

    private static TranscriptLine parsed(TranscriptLine line, Redactor redactor, Consumer<Findings> counted) {
        ObjectNode tree = (ObjectNode) line.json();
        Findings findings = redactor.redactInPlace(tree);
        if (!findings.any()) {
            return line;
        }
        counted.accept(findings);
        ObjectNode rewritten = VerbatimObjectNode.rewritten(tree);
        return TranscriptLine.parsed(rewritten.toString(), rewritten);
    }

    // Jackson's message quotes the offending token, which can be the secret itself.
    private static TranscriptLine unparsed(TranscriptLine line, Redactor redactor, Consumer<Findings> counted) {
        Redactor.Redacted raw = redactor.redactRaw(line.raw());
        Redactor.Redacted error = redactor.redactRaw(line.parseError());
        if (!raw.findings().any() && !error.findings().any()) {
            return line;
        }
        counted.accept(raw.findings());
        counted.accept(error.findings());
        return TranscriptLine.unparsable(raw.text(), error.text());
    }
}
