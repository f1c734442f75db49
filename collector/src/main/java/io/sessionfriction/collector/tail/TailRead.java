package io.sessionfriction.collector.tail;

import java.util.List;
import java.util.Optional;

/**
 * One read of a file.
 *
 * @param items      events and rejected lines, in file order
 * @param bytesRead  bytes consumed (the position moved by this much, or from 0 after a reset)
 * @param lines      lines fully or partly consumed
 * @param reset      why the file is read again from the start (truncated, rewritten), when it is
 * @param more       the file has more complete bytes than this read took: read again now
 * @param lagBytes   bytes of the file not consumed after this read (an unterminated line, or the rest)
 */
public record TailRead(List<TailItem> items, long bytesRead, long lines, Optional<String> reset, boolean more,
        long lagBytes) {
}
