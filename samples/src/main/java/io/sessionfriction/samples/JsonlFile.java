package io.sessionfriction.samples;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * One transcript file being written: each line is a JSON object written by Jackson's streaming generator,
 * except the few deliberately broken lines, which are raw text. The newline of a line is written only
 * when the next line starts, so a file can end unterminated and two objects can share a line.
 */
final class JsonlFile implements Closeable {

    /** Writes the fields of one JSON object; the enclosing braces are the file's job. */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private final JsonFactory factory;
    private final CountingStream counter;
    private final JsonGenerator json;
    private int lines;
    private boolean newlinePending;
    private boolean joinNext;
    private boolean unterminated;

    private JsonlFile(JsonFactory factory, OutputStream target) throws IOException {
        this.factory = factory;
        this.counter = new CountingStream(target);
        this.json = factory.createGenerator(counter);
        // Jackson separates root values with a space by default; a transcript line must start with '{'.
        json.setRootValueSeparator(null);
    }

    static JsonlFile create(JsonFactory factory, Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return new JsonlFile(factory, new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
    }

    /** Writes one JSON object line and returns its 1-based line number. */
    int line(Fields fields) throws IOException {
        int number = startLine();
        json.writeStartObject();
        fields.write(json);
        json.writeEndObject();
        return number;
    }

    /** Writes text that is not a JSON object (a deliberately malformed line); returns its line number. */
    int rawLine(String text) throws IOException {
        int number = startLine();
        json.writeRaw(text);
        return number;
    }

    /** The next object is written on the current line, with nothing between the two. */
    void joinNextLine() {
        joinNext = true;
    }

    /** The file ends after its last line without a newline (common in real transcripts). */
    void leaveLastLineUnterminated() {
        unterminated = true;
    }

    /** One object rendered alone, to write a damaged copy of it. */
    String render(Fields fields) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator single = factory.createGenerator(text)) {
            single.writeStartObject();
            fields.write(single);
            single.writeEndObject();
        }
        return text.toString();
    }

    int lineCount() {
        return lines;
    }

    /** Bytes handed to the file so far (Jackson buffers, so call after {@link #close()} for the total). */
    long bytesWritten() {
        return counter.count;
    }

    @Override
    public void close() throws IOException {
        if (newlinePending && !unterminated) {
            json.writeRaw('\n');
        }
        json.close();
    }

    private int startLine() throws IOException {
        if (joinNext) {
            joinNext = false;
            newlinePending = true;
            return lines;
        }
        if (newlinePending) {
            json.writeRaw('\n');
        }
        newlinePending = true;
        return ++lines;
    }

    /** Counts bytes on their way to the buffered file stream; bulk writes stay bulk. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
