package io.sessionfriction.collector.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

import io.sessionfriction.collector.discover.SessionFile;
import io.sessionfriction.collector.tail.EventFields;
import io.sessionfriction.collector.tail.FramedLine;
import io.sessionfriction.collector.tail.LineFramer;

/**
 * The session key of a file whose name carries no id: the first {@code sessionId} among its first
 * lines. Real transcripts often start with a file-history-snapshot or summary line that has none,
 * so more than the first line is looked at; the file name's stem is the last resort.
 */
public final class SessionKeys {

    private static final int SCAN_BYTES = 1024 * 1024;

    private SessionKeys() {
    }

    public static String resolve(SessionFile file, FileChannel channel) throws IOException {
        if (file.keyFromName().isPresent()) {
            return file.keyFromName().get();
        }
        return firstSessionId(channel).orElseGet(() -> stem(file));
    }

    private static Optional<String> firstSessionId(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(SCAN_BYTES, channel.size()));
        int read;
        do {
            read = channel.read(buffer, buffer.position());
        } while (read > 0 && buffer.hasRemaining());
        byte[] bytes = buffer.array();
        int start = 0;
        for (int i = 0; i < buffer.position(); i++) {
            if (bytes[i] == '\n') {
                FramedLine line = LineFramer.frame(bytes, start, i);
                for (byte[] event : line.objects()) {
                    Optional<String> id = EventFields.text(event, "sessionId");
                    if (id.isPresent()) {
                        return id;
                    }
                }
                start = i + 1;
            }
        }
        return Optional.empty();
    }

    private static String stem(SessionFile file) {
        String name = file.path().getFileName().toString();
        return name.substring(0, name.length() - ".jsonl".length());
    }
}
