package io.sessionfriction.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sessionfriction.collector.tail.FramedLine;
import io.sessionfriction.collector.tail.LineFramer;

/**
 * One transcript file as the collector frames it: each line's JSON objects (usually one; two where a
 * writer lost a newline), with its line number and byte offset. A line that holds no object is left out,
 * as the collector sends it to its dead-letter topic and never to the processor.
 *
 * @param relativePath path under the sessions root, '/' separated (the collector's {@code file} header)
 */
record Transcript(String relativePath, String user, List<Line> lines) {

    /** One framed line: what the collector publishes for it. */
    record Line(long number, long offset, List<String> objects) {
    }

    static Transcript read(Path file, String relativePath, String user) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Line> lines = new ArrayList<>();
        int start = 0;
        long number = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                number++;
                if (i > start) {
                    FramedLine framed = LineFramer.frame(bytes, start, i);
                    List<String> objects = framed.objects().stream().map(o -> new String(o, StandardCharsets.UTF_8)).toList();
                    if (!objects.isEmpty()) {
                        lines.add(new Line(number, start, objects));
                    }
                }
                start = i + 1;
            }
        }
        return new Transcript(relativePath, user, List.copyOf(lines));
    }
}
