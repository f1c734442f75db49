package io.sessionfriction.collector.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.sessionfriction.collector.checkpoint.Checkpoint;
import io.sessionfriction.collector.discover.SessionFile;
import io.sessionfriction.collector.identity.PrefixFingerprint;
import io.sessionfriction.collector.identity.SessionKeys;

/**
 * One transcript being followed: reads what was appended since its position, frames complete lines,
 * and notices when the file under the path is no longer the one the position was taken of.
 *
 * <p>The position here runs ahead of what is committed; the caller publishes the items and the
 * {@link #position()} in one transaction, and on failure throws this tail away and starts a new one
 * from the last committed checkpoint.
 */
public final class FileTail {

    /** Bytes read per call; a longer line is read whole. */
    static final int CHUNK = 4 * 1024 * 1024;

    private final SessionFile file;
    private final FileOpener opener;
    private Checkpoint position;
    private long knownSize = -1;
    private Instant sizeChangedAt = Instant.MIN;
    /** The file size at which the current position's prefix was last verified: re-verify only on change. */
    private long verifiedSize = -1;

    public FileTail(SessionFile file, Checkpoint committed, FileOpener opener) {
        this.file = file;
        this.position = committed;
        this.opener = opener;
    }

    public SessionFile file() {
        return file;
    }

    public Checkpoint position() {
        return position;
    }

    /**
     * Reads the next chunk.
     *
     * @param now       the caller's clock: a size change restarts the quiet period of an unterminated last line
     * @param quiet     how long an unterminated, complete last line must stay unchanged to be published
     * @param finalPass the files are static (a one-shot run): publish a complete unterminated last line at once
     */
    public TailRead read(Instant now, Duration quiet, boolean finalPass) throws IOException {
        if (caughtUp() && Files.size(file.path()) == knownSize) {
            // The common case on every poll: a stat, no open, for thousands of idle transcripts.
            return new TailRead(List.of(), 0, 0, Optional.empty(), false, 0);
        }
        try (FileChannel channel = opener.open(file.path())) {
            long size = channel.size();
            if (size != knownSize) {
                knownSize = size;
                sizeChangedAt = now;
            }
            Optional<String> reset = verifyPrefix(channel, size);
            if (position.skipped() || size == position.offset()) {
                return new TailRead(List.of(), 0, 0, reset, false, 0);
            }
            if (position.sessionKey() == null) {
                position = with(position.offset(), position.line(), position.midLine(), position.prefixHash(),
                        SessionKeys.resolve(file, channel), false);
            }
            boolean trailingDue = finalPass || !now.isBefore(sizeChangedAt.plus(quiet));
            return readFrom(channel, size, reset, trailingDue);
        }
    }

    /** Everything up to the size seen last was consumed (or the file is skipped): nothing is held back. */
    private boolean caughtUp() {
        return knownSize >= 0 && (position.offset() == knownSize || position.skipped());
    }

    private Optional<String> verifyPrefix(FileChannel channel, long size) throws IOException {
        if (position.offset() == 0 || size == verifiedSize) {
            return Optional.empty();
        }
        verifiedSize = size;
        String reason;
        if (size < position.offset()) {
            reason = "truncated to " + size + " bytes, below the checkpoint at " + position.offset();
        } else if (!PrefixFingerprint.matches(channel, position.offset(), position.prefixHash())) {
            reason = "rewritten: the bytes before the checkpoint at " + position.offset() + " changed";
        } else {
            return Optional.empty();
        }
        position = Checkpoint.start(file.relativePath(), file.user());
        return Optional.of(reason);
    }

    private TailRead readFrom(FileChannel channel, long size, Optional<String> reset, boolean trailingDue)
            throws IOException {
        long start = position.offset();
        byte[] data = readChunk(channel, start, size);
        boolean atEof = start + data.length == size;
        List<TailItem> items = new ArrayList<>();
        long line = position.line();
        boolean midLine = position.midLine();
        boolean skipped = false;
        int consumed = 0;
        long lines = 0;
        for (int end = Newlines.indexOf(data, 0); end >= 0 && !skipped; end = Newlines.indexOf(data, consumed)) {
            boolean closesPublishedPart = midLine && LineFramer.isBlank(data, consumed, end);
            skipped = frame(data, consumed, end, start + consumed, line + 1, items);
            line++;
            lines += closesPublishedPart ? 0 : 1;
            midLine = false;
            consumed = end + 1;
        }
        if (!skipped && atEof && consumed < data.length && trailingDue
                && publishUnterminated(data, consumed, start + consumed, line + 1, items)) {
            consumed = data.length;
            midLine = true;
            lines++;
        }
        long offset = start + consumed;
        if (consumed > 0) {
            String hash = PrefixFingerprint.of(channel, offset);
            position = with(offset, line, midLine, hash, position.sessionKey(), skipped);
            verifiedSize = size;
        }
        // A skipped file has nothing left to publish: no lag, nothing held back.
        return new TailRead(items, consumed, lines, reset, !atEof && !skipped, skipped ? 0 : size - offset);
    }

    /**
     * Frames one complete line [from, to) into items; returns true when it shows the file is not a
     * transcript (a first line without a JSON object, and the bytes read show another tool's file:
     * {@link OtherToolsFile}). After a published unterminated part, the line's remaining bytes are a
     * continuation: a bare newline is blank and closes it without a second event.
     */
    private static boolean frame(byte[] data, int from, int to, long offset, long lineNumber,
            List<TailItem> items) {
        if (LineFramer.isBlank(data, from, to)) {
            return false;
        }
        FramedLine parsed = LineFramer.frame(data, from, to);
        boolean firstLine = lineNumber == 1 && offset == 0;
        Optional<String> otherTool = firstLine && parsed.objects().isEmpty()
                ? OtherToolsFile.evidence(data, to) : Optional.empty();
        if (otherTool.isPresent()) {
            items.add(new TailItem.Rejected(lineNumber, offset, otherTool.get(), Arrays.copyOfRange(data, from, to), true));
            return true;
        }
        parsed.objects().forEach(json -> items.add(new TailItem.Event(lineNumber, offset, json)));
        parsed.error().ifPresent(error -> items.add(new TailItem.Rejected(lineNumber, offset, error,
                Arrays.copyOfRange(data, from, to), false)));
        return false;
    }

    /**
     * An unterminated last line is published only when it is whole: it parses as JSON objects with
     * nothing left over. A partial write (cut mid-object) is held until it grows.
     */
    private static boolean publishUnterminated(byte[] data, int from, long offset, long lineNumber,
            List<TailItem> items) {
        if (LineFramer.isBlank(data, from, data.length)) {
            return false;
        }
        FramedLine parsed = LineFramer.frame(data, from, data.length);
        if (!parsed.clean() || parsed.objects().isEmpty()) {
            return false;
        }
        parsed.objects().forEach(json -> items.add(new TailItem.Event(lineNumber, offset, json)));
        return true;
    }

    private Checkpoint with(long offset, long line, boolean midLine, String hash, String key, boolean skipped) {
        return new Checkpoint(file.relativePath(), offset, line, midLine, hash, key, file.user(), skipped);
    }

    /** Reads at least a chunk (or to the end), and on until a newline when one line is longer. */
    private static byte[] readChunk(FileChannel channel, long start, long size) throws IOException {
        long available = size - start;
        byte[] data = new byte[(int) Math.min(CHUNK, available)];
        fill(channel, start, data, 0);
        int scanned = 0;
        while (Newlines.indexOf(data, scanned) < 0 && data.length < available) {
            if (available > Integer.MAX_VALUE - 16) {
                throw new IOException("a single line longer than 2 GiB at offset " + start);
            }
            scanned = data.length;
            data = Arrays.copyOf(data, (int) Math.min((long) data.length * 2, available));
            fill(channel, start + scanned, data, scanned);
        }
        return data;
    }

    private static void fill(FileChannel channel, long position, byte[] data, int from) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data, from, data.length - from);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position() - from) < 0) {
                throw new IOException("file shrank while being read");
            }
        }
    }
}
