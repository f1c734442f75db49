package io.sessionfriction.collector.tail;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Decides, when a file's first line holds no JSON object, whether the file is another tool's (skipped
 * with one DLQ record) or a transcript whose first line is damaged (that line is a DLQ record, the rest
 * is read). A file is skipped only on positive evidence, because skipping a transcript loses every line
 * behind the damaged one:
 * <ul>
 *   <li>pretty-printed JSON: read from its first byte across line ends, one JSON value goes on past the
 *       first line without a syntax error (it ends on a later line, or the read bytes end inside it);</li>
 *   <li>a file of other JSON lines or text: none of its first {@value #LINES_LOOKED_AT} lines holds a JSON object.</li>
 * </ul>
 * A cut-off transcript line fails the first test (a raw newline inside a string, or a new object where a
 * field was due) and a valid line behind it fails the second. With no second line yet there is no
 * evidence, and the first line is taken as a damaged line of a transcript.
 */
final class OtherToolsFile {

    static final int LINES_LOOKED_AT = 16;

    private OtherToolsFile() {
    }

    /**
     * Why the file is not a transcript, if it shows it.
     *
     * @param data         the first bytes of the file
     * @param firstLineEnd index of the first line's newline in {@code data}
     */
    static Optional<String> evidence(byte[] data, int firstLineEnd) {
        return prettyPrinted(data, firstLineEnd).or(() -> noObjectInFirstLines(data, firstLineEnd));
    }

    private static Optional<String> prettyPrinted(byte[] data, int firstLineEnd) {
        try (JsonParser parser = LineFramer.JSON.createParser(data, 0, data.length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            boolean pastFirstLine = false;
            try {
                int depth = 0;
                for (JsonToken token = first; token != null; token = parser.nextToken()) {
                    pastFirstLine |= parser.currentTokenLocation().getByteOffset() > firstLineEnd;
                    depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                    if (depth == 0) {
                        long lastLine = parser.currentLocation().getLineNr();
                        return pastFirstLine ? Optional.of("pretty-printed JSON: one JSON value spans lines 1 to " + lastLine)
                                : Optional.empty();
                    }
                }
            } catch (JsonProcessingException e) {
                // The value is only cut where the read ended; a syntax error anywhere before is no evidence.
                boolean endOfRead = parser.currentLocation().getByteOffset() >= data.length;
                long lastLine = parser.currentLocation().getLineNr();
                return pastFirstLine && endOfRead
                        ? Optional.of("pretty-printed JSON: one JSON value goes on past line " + lastLine) : Optional.empty();
            }
            return Optional.empty();
        } catch (IOException syntaxError) {
            return Optional.empty();
        }
    }

    private static Optional<String> noObjectInFirstLines(byte[] data, int firstLineEnd) {
        int lines = 1;
        int from = firstLineEnd + 1;
        for (int end = Newlines.indexOf(data, from); end >= 0 && lines < LINES_LOOKED_AT; end = Newlines.indexOf(data, from)) {
            if (!LineFramer.isBlank(data, from, end)) {
                if (!LineFramer.frame(data, from, end).objects().isEmpty()) {
                    return Optional.empty();
                }
                lines++;
            }
            from = end + 1;
        }
        return lines > 1 ? Optional.of("no JSON object in its first " + lines + " lines") : Optional.empty();
    }
}
