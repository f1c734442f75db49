package io.sessionfriction.collector.tail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens a transcript for reading; a strategy so tests can deny access even when they run as root. */
@FunctionalInterface
public interface FileOpener {

    FileOpener DEFAULT = path -> FileChannel.open(path, StandardOpenOption.READ);

    FileChannel open(Path path) throws IOException;
}
