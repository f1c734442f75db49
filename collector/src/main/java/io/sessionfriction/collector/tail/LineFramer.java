package io.sessionfriction.collector.tail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Splits one line into the JSON objects it holds with Jackson's streaming parser, never a regex.
 *
 * <p>Real transcripts contain lines like {@code {…progress…}{"type":"summary",…}} (a lost newline):
 * each object becomes its own event. Invalid UTF-8 is replaced (U+FFFD) before parsing, so a line
 * with one bad byte is still an event. A clean single-object line keeps its exact bytes; anything
 * else is re-encoded from the parsed text. The common line, well-formed UTF-8 and one object, is vouched
 * for by {@link WholeObject} without Jackson, at a fraction of its cost.
 */
public final class LineFramer {

    /** Lines hold whole files in tool results; Jackson's default 20M-char string limit is not ours to impose. */
    public static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private LineFramer() {
    }

    /** Frames bytes [from, to) of one line, without its newline; a UTF-8 BOM and a trailing CR are ignored. */
    public static FramedLine frame(byte[] bytes, int from, int to) {
        if (to - from >= 3 && Arrays.equals(bytes, from, from + 3, BOM, 0, 3)) {
            from += 3;
        }
        if (to > from && bytes[to - 1] == '\r') {
            to--;
        }
        if (WholeObject.spans(bytes, from, to)) {
            // Nearly every line: checked without Jackson, whose path below would publish these same bytes.
            return new FramedLine(List.of(Arrays.copyOfRange(bytes, from, to)), Optional.empty());
        }
        // Every other line. An ASCII line is its own text: Jackson reads the bytes, with the same offsets, and no String is
        // made. Any other line is decoded first so invalid UTF-8 becomes U+FFFD: Jackson's byte reader
        // lets overlong forms and encoded surrogates through unchanged.
        boolean ascii = isAscii(bytes, from, to);
        String text = ascii ? null : new String(bytes, from, to - from, StandardCharsets.UTF_8);
        boolean replaced = !ascii && text.indexOf('\uFFFD') >= 0;
        List<int[]> spans = new ArrayList<>(1);
        Optional<String> error = Optional.empty();
        try (JsonParser parser = ascii ? JSON.createParser(bytes, from, to - from) : JSON.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    error = Optional.of("expected a JSON object at column " + column(parser.currentTokenLocation())
                            + " but found " + token);
                    break;
                }
                int start = offset(parser.currentTokenLocation());
                parser.skipChildren();
                spans.add(new int[] {start, offset(parser.currentLocation())});
            }
        } catch (JsonProcessingException e) {
            error = Optional.of(e.getOriginalMessage() + " at column " + column(e.getLocation()));
        } catch (IOException e) {
            error = Optional.of(e.getMessage());
        }
        return new FramedLine(objects(bytes, from, to, text, spans, replaced), error);
    }

    public static FramedLine frame(byte[] line) {
        return frame(line, 0, line.length);
    }

    /** True when the bytes hold nothing but whitespace (a blank line is no event and no error). */
    public static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static List<byte[]> objects(byte[] bytes, int from, int to, String text, List<int[]> spans,
            boolean replaced) {
        int length = text == null ? to - from : text.length();
        if (spans.size() == 1 && !replaced && spans.get(0)[0] == 0 && spans.get(0)[1] == length) {
            return List.of(Arrays.copyOfRange(bytes, from, to));
        }
        return spans.stream()
                .map(s -> text == null ? Arrays.copyOfRange(bytes, from + s[0], from + s[1])
                        : text.substring(s[0], s[1]).getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    private static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The parser's position in the line: chars of a decoded line, bytes of an ASCII one (there the two agree). */
    private static int offset(JsonLocation location) {
        return (int) (location.getCharOffset() >= 0 ? location.getCharOffset() : location.getByteOffset());
    }

    private static String column(JsonLocation location) {
        return location == null ? "?" : String.valueOf(location.getColumnNr());
    }
}
