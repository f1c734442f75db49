package io.sessionfriction.replay.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.sessionfriction.collector.discover.SessionFile;
import io.sessionfriction.collector.identity.SessionKeys;

/**
 * Reads a transcript's own time span: the first and last top-level {@code timestamp} of its lines, never
 * the file's dates. Streaming and shallow: only top-level fields are looked at, nested values are skipped
 * without being built. A malformed line is counted and skipped; two objects on one line are both read.
 */
public final class TranscriptScanner {

    private static final int BUFFER = 1 << 16;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Scans one file; the session key follows the collector's path rules (or its first sessionId). */
    public FileSpan scan(SessionFile file) throws IOException {
        String key;
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            key = SessionKeys.resolve(file, channel);
        }
        Tally tally = new Tally();
        try (InputStream in = Files.newInputStream(file.path())) {
            byte[] buffer = new byte[BUFFER];
            byte[] line = new byte[BUFFER];
            int lineLength = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                tally.bytes += read;
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        if (lineLength == 0) {
                            tally.line(buffer, start, i - start);
                        } else {
                            line = append(line, lineLength, buffer, start, i - start);
                            tally.line(line, 0, lineLength + i - start);
                            lineLength = 0;
                        }
                        start = i + 1;
                    }
                }
                line = append(line, lineLength, buffer, start, read - start);
                lineLength += read - start;
            }
            if (lineLength > 0) {
                tally.line(line, 0, lineLength);
            }
        }
        return new FileSpan(file, key, tally.first, tally.last, tally.lines, tally.events, tally.malformed, tally.bytes);
    }

    private static byte[] append(byte[] line, int lineLength, byte[] from, int offset, int length) {
        byte[] target = line;
        if (lineLength + length > line.length) {
            target = new byte[Math.max(line.length * 2, lineLength + length)];
            System.arraycopy(line, 0, target, 0, lineLength);
        }
        System.arraycopy(from, offset, target, lineLength, length);
        return target;
    }

    /** Running figures of one file. */
    private static final class Tally {
        Instant first;
        Instant last;
        long lines;
        long events;
        long malformed;
        long bytes;

        void line(byte[] bytes, int offset, int length) {
            if (isBlank(bytes, offset, length)) {
                return;
            }
            lines++;
            try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    if (token != JsonToken.START_OBJECT) {
                        malformed++;
                        return;
                    }
                    object(parser);
                }
            } catch (IOException | DateTimeParseException e) {
                // Not JSON, cut short, or a timestamp that is not one: the collector sends it to the DLQ.
                malformed++;
            }
        }

        private void object(JsonParser parser) throws IOException {
            events++;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && name.equals("timestamp")) {
                    seen(Instant.parse(parser.getText()));
                } else {
                    parser.skipChildren();
                }
            }
        }

        private void seen(Instant at) {
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }

        private static boolean isBlank(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                    return false;
                }
            }
            return true;
        }
    }
}
