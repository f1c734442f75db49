package io.sessionfriction.collector.tail;

import java.util.List;
import java.util.Optional;

/**
 * What one line holds: the JSON objects it starts with (usually one, two when a writer lost a
 * newline) and, when the rest is not a JSON object, why.
 */
public record FramedLine(List<byte[]> objects, Optional<String> error) {

    public boolean clean() {
        return error.isEmpty();
    }
}
