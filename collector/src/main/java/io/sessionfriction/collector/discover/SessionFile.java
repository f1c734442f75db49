package io.sessionfriction.collector.discover;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One transcript file as the layout names it.
 *
 * @param path          absolute path
 * @param relativePath  path under the sessions root with '/' separators: the file's identity in checkpoints and headers
 * @param user          first folder under the root, or the user prefix of a flat name
 * @param keyFromName   the transcript id the path names, empty when the name has none (then the content decides)
 */
public record SessionFile(Path path, String relativePath, String user, Optional<String> keyFromName) {
}
